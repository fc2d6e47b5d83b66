package dev.stowage.app.cli;

/** The command line cannot be honoured; the message is a sentence for the user. The launcher exits with 2. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
