package dev.kassa.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port helpers. */
final class Ports {

    static final String HOST = "127.0.0.1";

    private Ports() {
    }

    /** A port that was free a moment ago; the OS hands out ephemeral ports in sequence, so reuse is unlikely. */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on " + HOST, e);
        }
    }

    /** True when something accepts TCP connections on the port. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
