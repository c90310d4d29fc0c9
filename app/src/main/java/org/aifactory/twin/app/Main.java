package org.aifactory.twin.app;

import javafx.application.Application;
import org.aifactory.twin.ui.DesignerApp;

/**
 * The entry point of {@code twin.jar}: with no arguments it opens the designer on the default
 * sample; with a subcommand it is the command-line tool. A plain class, not the
 * {@link Application} subclass, so the fat jar starts JavaFX from the class path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            openDesigner(new String[0]);
            return;
        }
        int exit = TwinCommand.commandLine().execute(args);
        if (exit != TwinCommand.EXIT_DESIGNER_OPENED) {
            System.exit(exit);
        }
    }

    /** Opens the designer window; blocks until it closes. */
    static void openDesigner(String[] fileArgs) {
        // Mesa's llvmpipe (software OpenGL, as under Xvfb) fails JavaFX's GPU qualifier check and the
        // 3D view silently turns 2D; forcing the GPU pipeline keeps real 3D there and is harmless on a GPU.
        if (System.getProperty("prism.forceGPU") == null) {
            System.setProperty("prism.forceGPU", "true");
        }
        Application.launch(DesignerApp.class, fileArgs);
    }
}
