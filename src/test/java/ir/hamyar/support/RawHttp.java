package ir.hamyar.support;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** HTTP spoken by hand, for what clients libraries will not do. */
public final class RawHttp {

    private RawHttp() {}

    /**
     * Announces an upload as curl does ({@code Expect: 100-continue}) and reads the answer, sent before any body
     * byte. A raw socket, because the JDK 17 HttpClient waits forever when the answer is not 100, and other clients
     * fail on the connection the service closes.
     */
    public static String announceUpload(URI uri, String user, String contentType, long length) throws Exception {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Authorization: Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + user + "-test").getBytes(StandardCharsets.UTF_8))
                    + "\r\n"
                    + "Content-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n"
                    + "Expect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends a JSON body, of which only the first {@code sent} bytes when fewer, and hangs up without reading the
     * answer, as a device losing its signal.
     */
    public static void hangUp(URI uri, String user, String body, int sent) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoLinger(true, 0);
            String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Authorization: Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + user + "-test").getBytes(StandardCharsets.UTF_8))
                    + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes, 0, Math.min(sent, bytes.length));
            socket.getOutputStream().flush();
        }
    }

    /**
     * Writes a whole request — head lines as given, then the body — before reading anything, as many device stacks
     * do, and returns the answer as text (status line, headers, body).
     */
    public static String sendWhole(URI uri, String requestLine, List<String> headers, byte[] body) throws Exception {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder(requestLine)
                    .append("\r\nHost: ")
                    .append(uri.getHost())
                    .append("\r\n");
            headers.forEach(header -> head.append(header).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The Authorization header of a test user. */
    public static String basic(String user) {
        return "Authorization: Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user + "-test").getBytes(StandardCharsets.UTF_8));
    }
}
