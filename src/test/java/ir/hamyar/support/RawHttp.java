package ir.hamyar.support;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
}
