package dev.stowage.app.shell;

/** Chrome's page zoom steps, 25% to 500%, and how a zoom factor shows. Pure functions. */
public final class ZoomSteps {
    private static final double[] STEPS = {0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0,
            2.5, 3.0, 4.0, 5.0};
    private static final double SAME = 1e-3;

    private ZoomSteps() {
    }

    /** The next step above {@code zoom}, or the largest. */
    public static double in(double zoom) {
        for (double step : STEPS) {
            if (step > zoom + SAME) {
                return step;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    /** The next step below {@code zoom}, or the smallest. */
    public static double out(double zoom) {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < zoom - SAME) {
                return STEPS[i];
            }
        }
        return STEPS[0];
    }

    /** Whether {@code zoom} is 100%. */
    public static boolean isDefault(double zoom) {
        return Math.abs(zoom - 1) < SAME;
    }

    /** "110%". */
    public static String percent(double zoom) {
        return Math.round(zoom * 100) + "%";
    }
}
