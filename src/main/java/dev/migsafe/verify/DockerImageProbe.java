package dev.migsafe.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Asks the Docker engine, over its Unix socket and without Testcontainers, whether an image is
 * there or can be pulled. Testcontainers cannot be asked: its first contact with Docker starts its
 * Ryuk container, and when Ryuk's image cannot be pulled it retries for minutes.
 */
final class DockerImageProbe {

    enum Result { PRESENT, PULLED, UNAVAILABLE, NO_SOCKET }

    private DockerImageProbe() {
    }

    /** Present, pulled now, not to be had (with the engine's reason in {@code why}), or no local socket to ask. */
    static Result ensure(String image, StringBuilder why) {
        Path socket = socket();
        if (socket == null) {
            return Result.NO_SOCKET;
        }
        try {
            if (status(request(socket, "GET", "/images/" + image + "/json")) == 200) {
                return Result.PRESENT;
            }
            int colon = image.lastIndexOf(':');
            boolean tagged = colon > image.lastIndexOf('/');
            String from = tagged ? image.substring(0, colon) : image;
            String tag = tagged ? image.substring(colon + 1) : "latest";
            String response = request(socket, "POST", "/images/create?fromImage="
                    + URLEncoder.encode(from, StandardCharsets.UTF_8) + "&tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
            // a failed pull is a non-200 status, or a 200 whose progress stream ends in an error
            if (status(response) != 200 || response.contains("\"error\"")) {
                why.append(body(response).strip());
                return Result.UNAVAILABLE;
            }
            return Result.PULLED;
        } catch (IOException e) {
            return Result.NO_SOCKET; // the engine does not answer there; Testcontainers will say so
        }
    }

    /** The engine's Unix socket from DOCKER_HOST, else the default one; null when there is none. */
    private static Path socket() {
        String host = System.getenv("DOCKER_HOST");
        Path socket = host == null ? Path.of("/var/run/docker.sock")
                : host.startsWith("unix://") ? Path.of(host.substring("unix://".length())) : null;
        return socket != null && Files.exists(socket) ? socket : null;
    }

    private static String request(Path socket, String method, String path) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            String request = method + " " + path + " HTTP/1.0\r\nHost: docker\r\nContent-Length: 0\r\n\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) > 0) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static int status(String response) {
        String[] first = response.lines().findFirst().orElse("").split(" ");
        try {
            return first.length > 1 ? Integer.parseInt(first[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String body(String response) {
        int start = response.indexOf("\r\n\r\n");
        return start < 0 ? response : response.substring(start + 4);
    }
}
