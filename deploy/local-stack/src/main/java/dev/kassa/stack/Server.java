package dev.kassa.stack;

/** One server of the stack: started and stopped on the same port, with the same data, as often as asked. */
interface Server {

    /** Short name used on the command line and on the control channel: postgres, kafka, mongo, redis. */
    String name();

    int port();

    /** Starts the server and returns once it accepts clients. */
    void start() throws Exception;

    /** Stops the server, keeping its data; does nothing when it is not running. */
    void stop() throws Exception;

    boolean running();

    /** Stops the server for good when the stack exits. */
    default void close() throws Exception {
        stop();
    }
}
