package dev.rlaif.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.stream.IntStream;

/** Free ports for tests that start the platform beside whatever else runs on the machine. */
final class FreePorts {

    private FreePorts() {
    }

    /** The first port of {@code count} consecutive free ports. */
    static int range(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first;
            try (var socket = new ServerSocket(0)) {
                first = socket.getLocalPort();
            }
            if (first + count < 65_000 && IntStream.range(1, count).allMatch(i -> isFree(first + i))) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports");
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
