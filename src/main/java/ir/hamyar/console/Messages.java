package ir.hamyar.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Every string of the console, per language, from {@code console/messages_<lang>.properties} (UTF-8). Persian is the
 * default; a template reads a message as {@code c.m.key}, and Qute's strict rendering fails a page on a missing key.
 */
public final class Messages {

    public static final String PERSIAN = "fa";
    public static final String ENGLISH = "en";

    private static final Map<String, Map<String, String>> BUNDLES =
            Map.of(PERSIAN, load(PERSIAN), ENGLISH, load(ENGLISH));

    private Messages() {}

    public static Map<String, String> of(String lang) {
        return BUNDLES.getOrDefault(lang, BUNDLES.get(PERSIAN));
    }

    static Map<String, String> load(String lang) {
        String resource = "console/messages_" + lang + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> messages = new TreeMap<>();
            properties.stringPropertyNames().forEach(key -> messages.put(key, properties.getProperty(key)));
            return Map.copyOf(messages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
