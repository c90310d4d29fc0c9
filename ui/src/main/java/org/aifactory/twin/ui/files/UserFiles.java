package org.aifactory.twin.ui.files;

import java.nio.file.Path;

/**
 * Where the designer keeps its own small files: the recent-files list and the autosave recovery
 * files (one set per running designer, see {@link Recovery}). The directory is {@code -Dtwin.configDir=DIR} when set (tests point it at a temporary
 * folder), else {@code $XDG_CONFIG_HOME/aifactory-twin}, else {@code ~/.config/aifactory-twin}.
 *
 * @param configDir the designer's own directory; created on first write
 */
public record UserFiles(Path configDir) {
    /** System property naming the configuration directory. */
    public static final String CONFIG_DIR_PROPERTY = "twin.configDir";

    public UserFiles {
        if (configDir == null) {
            throw new IllegalArgumentException("configDir is required");
        }
    }

    /** The directory named by the system property or the environment, as described above. */
    public static UserFiles fromEnvironment() {
        String property = System.getProperty(CONFIG_DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return new UserFiles(Path.of(property));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new UserFiles(base.resolve("aifactory-twin"));
    }

    /** The recent-files list, one absolute path a line, newest first. */
    public Path recentFilesList() {
        return configDir.resolve("recent-files.txt");
    }

    /** The folder of the autosave recovery files, one set per running designer. */
    public Path recoveryDir() {
        return configDir.resolve("recovery");
    }

    /**
     * The facility designer session {@code session} last autosaved: {@code autosave-SESSION.json}
     * ({@code autosave.json} for the empty session, the one name of designers before sessions).
     */
    public Path recoveryFile(String session) {
        return recoveryDir().resolve(stem(session) + ".json");
    }

    /** What session {@code session}'s recovery file stands for: the file and name it was edited as. */
    public Path recoveryInfo(String session) {
        return recoveryDir().resolve(stem(session) + ".properties");
    }

    /** The file a running designer holds locked while session {@code session}'s recovery file is its own. */
    public Path recoveryLock(String session) {
        return recoveryDir().resolve(stem(session) + ".lock");
    }

    private static String stem(String session) {
        return session == null || session.isEmpty() ? "autosave" : "autosave-" + session;
    }
}
