package org.aifactory.twin.thermal.hydraulics;

/** A network the solver cannot solve: disconnected, or Newton failed to converge. */
public class HydraulicSolverException extends RuntimeException {
    public HydraulicSolverException(String message) {
        super(message);
    }

    public HydraulicSolverException(String message, Throwable cause) {
        super(message, cause);
    }
}
