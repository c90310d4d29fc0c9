package org.aifactory.twin.model.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.validation.FacilityValidator;

/**
 * Loads a facility file and reports every problem in it at once: a syntax error (the parser
 * cannot go past it) with its line and column; then every element that cannot be bound (wrong
 * type, unknown field, missing required field), each located; then every semantic problem the
 * {@link FacilityValidator} finds. Problems carry file:line:column, the JSON pointer and the
 * element's id.
 */
public final class FacilityReader {
    /** Stop collecting binding errors after this many: a file this broken is not worth more. */
    private static final int MAX_BINDING_PROBLEMS = 200;

    private final Catalog builtIn;

    public FacilityReader(Catalog builtIn) {
        this.builtIn = builtIn;
    }

    /** A reader over the built-in catalog. */
    public static FacilityReader withBuiltInCatalog() {
        return new FacilityReader(CatalogIo.builtIn());
    }

    public Facility read(Path file) throws FacilityLoadException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new FacilityLoadException(List.of(new Problem(file.toString(), 0, 0, "", null, "file not found")));
        } catch (IOException e) {
            throw new FacilityLoadException(
                    List.of(new Problem(file.toString(), 0, 0, "", null, "cannot read: " + e.getMessage())));
        }
        return read(bytes, file.toString());
    }

    /** Reads a facility from {@code bytes}; {@code fileName} is only used in problem reports. */
    public Facility read(byte[] bytes, String fileName) throws FacilityLoadException {
        JsonNode tree;
        try {
            tree = TwinJson.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new FacilityLoadException(List.of(new Problem(
                    fileName,
                    loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(),
                    "",
                    null,
                    "invalid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new FacilityLoadException(
                    List.of(new Problem(fileName, 0, 0, "", null, "cannot read: " + e.getMessage())));
        }
        if (tree == null || !tree.isObject()) {
            throw new FacilityLoadException(
                    List.of(new Problem(fileName, 1, 1, "", null, "a facility file must hold one JSON object")));
        }
        List<Problem> problems = new ArrayList<>();
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            problems.add(Problem.at(
                    "/formatVersion",
                    null,
                    "missing or non-integer formatVersion (this program writes " + Facility.FORMAT_VERSION + ")"));
        } else if (version.asInt() > Facility.FORMAT_VERSION || version.asInt() < 1) {
            problems.add(Problem.at(
                    "/formatVersion",
                    null,
                    "formatVersion " + version.asInt() + " is not supported; this program reads versions 1 to "
                            + Facility.FORMAT_VERSION));
        }
        Set<String> droppedIds = new HashSet<>();
        Facility facility = bind(tree, problems, droppedIds);
        if (facility != null) {
            problems.addAll(new FacilityValidator(builtIn).validate(facility, droppedIds));
        }
        if (!problems.isEmpty()) {
            throw new FacilityLoadException(locate(problems, bytes, fileName));
        }
        return facility;
    }

    /**
     * Binds the tree; when an element cannot be bound, records why, blanks the innermost array
     * element holding the error and tries again, so that one bad rack does not hide the next.
     */
    private static Facility bind(JsonNode tree, List<Problem> problems, Set<String> droppedIds) {
        for (int attempt = 0; attempt < MAX_BINDING_PROBLEMS; attempt++) {
            try {
                return TwinJson.mapper().treeToValue(tree, Facility.class);
            } catch (JsonMappingException e) {
                List<JsonMappingException.Reference> refs = e.getPath();
                String pointer = pointer(refs, refs.size());
                int arrayDepth = innermostArrayElement(refs);
                String element = arrayDepth < 0 ? null : idAt(tree, refs, arrayDepth);
                problems.add(Problem.at(pointer, element, describe(e)));
                if (arrayDepth < 0) {
                    return null;
                }
                if (element != null) {
                    droppedIds.add(element);
                }
                JsonNode parent = nodeAt(tree, refs, arrayDepth);
                if (!(parent instanceof ArrayNode array)) {
                    return null;
                }
                array.set(refs.get(arrayDepth).getIndex(), NullNode.getInstance());
            } catch (IOException | IllegalArgumentException e) {
                problems.add(Problem.at("", null, e.getMessage()));
                return null;
            }
        }
        problems.add(Problem.at("", null, "too many problems; stopped after " + MAX_BINDING_PROBLEMS));
        return null;
    }

    private static int innermostArrayElement(List<JsonMappingException.Reference> refs) {
        for (int i = refs.size() - 1; i >= 0; i--) {
            if (refs.get(i).getIndex() >= 0 && refs.get(i).getFieldName() == null) {
                return i;
            }
        }
        return -1;
    }

    /** The node holding reference {@code depth} (the array, for an index reference). */
    private static JsonNode nodeAt(JsonNode tree, List<JsonMappingException.Reference> refs, int depth) {
        JsonNode node = tree;
        for (int i = 0; i < depth && node != null; i++) {
            JsonMappingException.Reference r = refs.get(i);
            node = r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
        }
        return node;
    }

    private static String idAt(JsonNode tree, List<JsonMappingException.Reference> refs, int arrayDepth) {
        JsonNode array = nodeAt(tree, refs, arrayDepth);
        JsonNode element = array == null ? null : array.get(refs.get(arrayDepth).getIndex());
        JsonNode id = element == null ? null : element.get("id");
        return id != null && id.isTextual() ? id.asText() : null;
    }

    static String pointer(List<JsonMappingException.Reference> refs, int depth) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            JsonMappingException.Reference r = refs.get(i);
            s.append('/');
            if (r.getFieldName() != null) {
                s.append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                s.append(r.getIndex());
            }
        }
        return s.toString();
    }

    /** Jackson's messages name Java classes; say what is wrong in the file's own terms. */
    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null
                    ? ""
                    : u.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", "));
            return "unknown field '" + u.getPropertyName() + "'" + (known.isEmpty() ? "" : "; known fields: " + known);
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException f
                && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            String allowed = java.util.Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(c -> enumJsonName((Enum<?>) c))
                    .collect(Collectors.joining(", "));
            return "'" + f.getValue() + "' is not one of: " + allowed;
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return "'" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName();
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf("\n");
        return cut > 0 ? message.substring(0, cut) : message;
    }

    private static String enumJsonName(Enum<?> constant) {
        try {
            com.fasterxml.jackson.annotation.JsonProperty p = constant.getDeclaringClass()
                    .getField(constant.name())
                    .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return p == null ? constant.name() : p.value();
        } catch (NoSuchFieldException ex) {
            return constant.name();
        }
    }

    /**
     * Adds file, line and column to problems: one streaming pass records where each JSON pointer
     * starts. Only run when there are problems, so a good file pays nothing for it.
     */
    private static List<Problem> locate(List<Problem> problems, byte[] bytes, String fileName) {
        Map<String, long[]> where = locations(bytes);
        List<Problem> located = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            String path = p.path() == null ? "" : p.path();
            long[] lc = where.get(path);
            while (lc == null && !path.isEmpty()) {
                path = path.substring(0, path.lastIndexOf('/'));
                lc = where.get(path);
            }
            located.add(lc == null ? p.located(fileName, 0, 0) : p.located(fileName, (int) lc[0], (int) lc[1]));
        }
        return located;
    }

    static Map<String, long[]> locations(byte[] bytes) {
        Map<String, long[]> where = new HashMap<>();
        try (JsonParser parser = TwinJson.mapper().getFactory().createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = token.isStructStart()
                        ? parser.getParsingContext().getParent().pathAsPointer().toString()
                        : parser.getParsingContext().pathAsPointer().toString();
                JsonLocation loc = parser.currentTokenLocation();
                where.putIfAbsent(pointer, new long[] {loc.getLineNr(), loc.getColumnNr()});
            }
        } catch (IOException e) {
            // The tree was already parsed once, so this cannot fail; keep what we have.
        }
        return where;
    }
}
