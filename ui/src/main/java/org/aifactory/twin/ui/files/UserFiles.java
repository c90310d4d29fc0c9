package org.aifactory.twin.ui.files;

import java.nio.file.Path;

/**
 * Where the designer keeps its own small files: the recent-files list and the autosave recovery
 * file. The directory is {@code -Dtwin.configDir=DIR} when set (tests point it at a temporary
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

    /** The facility the autosave last wrote. */
    public Path recoveryFile() {
        return configDir.resolve("recovery").resolve("autosave.json");
    }

    /** What the recovery file stands for: the file and name it was edited as. */
    public Path recoveryInfo() {
        return configDir.resolve("recovery").resolve("autosave.properties");
    }
}
