package io.limber.infra;

/** A problem starting or reaching the infrastructure, with a message meant for a person. */
public class InfrastructureException extends RuntimeException {

    public InfrastructureException(String message) {
        super(message);
    }

    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }
}
