package dev.stowage.app.shell;

import java.util.Objects;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * The {@link OpenIntent} a tab's page announced for the popup WebKit is about to ask for, kept just long
 * enough. A script's or a link's popup comes inside the same script or link activation, so its intent is
 * forgotten once the current FX event is over: a page that announced a popup and then did not open one
 * (its click was cancelled) leaves nothing for a later popup. A form submission is the exception: WebKit
 * submits forms from a timer of its own, so that intent waits for the tab's next popup up to
 * {@link #FORM_LIFETIME}. FX thread only.
 */
final class PendingOpenIntent {
    /** How long a form's announced popup may take to come. */
    static final Duration FORM_LIFETIME = Duration.seconds(1);

    private OpenIntent intent;

    void note(OpenIntent announced) {
        OpenIntent noted = Objects.requireNonNull(announced, "announced");
        intent = noted;
        Runnable forget = () -> {
            if (intent == noted) {
                intent = null;
            }
        };
        if (noted.kind() == OpenIntent.Kind.FORM) {
            PauseTransition later = new PauseTransition(FORM_LIFETIME);
            later.setOnFinished(e -> forget.run());
            later.play();
        } else {
            Platform.runLater(forget);
        }
    }

    /** The intent, which this consumes. */
    Optional<OpenIntent> take() {
        OpenIntent taken = intent;
        intent = null;
        return Optional.ofNullable(taken);
    }
}
