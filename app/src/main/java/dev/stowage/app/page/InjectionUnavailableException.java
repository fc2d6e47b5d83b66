package dev.stowage.app.page;

/**
 * The shell cannot give pages its own sessionStorage: WebKit's private document-start hook is missing or
 * a document could not be set up. The shell must show this to the user; pages must never quietly fall back
 * to WebKit's own sessionStorage.
 */
public final class InjectionUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InjectionUnavailableException(String message) {
        super(message);
    }

    public InjectionUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
