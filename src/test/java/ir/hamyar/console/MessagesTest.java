package ir.hamyar.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every string of the console exists in Persian and in English, and every message a template reads exists. */
class MessagesTest {

    private static final Pattern MESSAGE = Pattern.compile("\\bc\\.m\\.([A-Za-z]+)");
    private static final Pattern LABEL = Pattern.compile("c\\.label\\('([a-z]+)'");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(Messages.load("fa").keySet()).isEqualTo(Messages.load("en").keySet());
    }

    @Test
    void everyMessageATemplateReadsIsInTheBundles() throws IOException {
        Set<String> read = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/console"))) {
            for (Path template : templates.toList()) {
                String text = Files.readString(template);
                Matcher message = MESSAGE.matcher(text);
                while (message.find()) {
                    read.add(message.group(1));
                }
                Matcher label = LABEL.matcher(text);
                while (label.find()) {
                    groups.add(label.group(1));
                }
            }
        }
        assertThat(read).isNotEmpty();
        assertThat(Messages.load("fa").keySet()).containsAll(read);
        for (String group : groups) {
            assertThat(Messages.load("en").keySet()).as(group).anyMatch(key -> key.startsWith(group + "."));
        }
    }
}
