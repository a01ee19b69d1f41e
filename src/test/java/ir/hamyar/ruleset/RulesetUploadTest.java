package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import ir.hamyar.engine.RuleTree;
import ir.hamyar.support.Api;
import ir.hamyar.support.RawHttp;
import ir.hamyar.support.RuleTrees;
import ir.hamyar.support.Rulesets;
import ir.hamyar.support.Zips;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Zip uploads: a whole tree becomes a draft; anything that could escape the tree or is not text is refused whole. */
@QuarkusTest
class RulesetUploadTest {

    @Test
    void aZipOfAWholeTreeBecomesADraftAndItsArchiveUploadsAgainAsTheSameVersion() {
        Map<String, byte[]> files = new HashMap<>(RuleTrees.shipped().files());
        files.put("README.md", Rulesets.marked(RuleTrees.shipped()).getBytes(StandardCharsets.UTF_8));
        RuleTree tree = new RuleTree(files);

        int version = upload(Zips.of(files), "whole tree")
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("sha256", equalTo(tree.sha256()))
                .extract()
                .path("version");
        byte[] archive = Api.as("auditor")
                .get("/api/v1/rulesets/" + version + "/archive")
                .then()
                .statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", containsString("hamyar-rules-v" + version + ".zip"))
                .extract()
                .asByteArray();

        assertThat(Zips.read(archive).keySet()).containsExactlyInAnyOrderElementsOf(files.keySet());
        upload(archive, null).statusCode(200).body("version", equalTo(version)).body("existing", equalTo(true));
    }

    @Test
    void aZippedRulesFolderIsUnwrapped() {
        Map<String, byte[]> wrapped = new LinkedHashMap<>();
        RuleTrees.shipped().files().forEach((path, content) -> wrapped.put("rules/" + path, content));
        wrapped.put("rules/README.md", Rulesets.marked(RuleTrees.shipped()).getBytes(StandardCharsets.UTF_8));

        upload(Zips.of(wrapped), null).statusCode(201).body("status", equalTo("DRAFT"));
    }

    @Test
    void pathsEscapingTheTreeAbsolutePathsSymlinksAndNonUtf8FilesAreRefusedAndNothingIsStored() {
        int before = Rulesets.count();
        Map<String, byte[]> files = new HashMap<>(RuleTrees.shipped().files());
        files.put("README.md", Rulesets.marked(RuleTrees.shipped()).getBytes(StandardCharsets.UTF_8));

        refused(with(files, "../outside.drl", "package x;"), "../outside.drl", "inside the tree");
        refused(with(files, "safehouse/../../outside.drl", "package x;"), "safehouse/../../outside.drl", "..");
        refused(with(files, "/etc/hamyar/evil.drl", "package x;"), "/etc/hamyar/evil.drl", "absolute");
        refused(with(files, "C:/rules/evil.drl", "package x;"), "C:/rules/evil.drl", "absolute");
        refused(Zips.build(files, Map.of("safehouse/passwd.drl", "/etc/passwd")), "safehouse/passwd.drl", "symbolic");
        Map<String, byte[]> latin1 = new HashMap<>(files);
        latin1.put("safehouse/latin1.drl", "package safehouse; // caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        refused(Zips.of(latin1), "safehouse/latin1.drl", "UTF-8");
        refused(with(files, "safehouse/tool.sh", "rm -rf /"), "safehouse/tool.sh", ".drl, .yaml and .md");

        assertThat(Rulesets.count()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotAZipIsRefused() {
        upload("not a zip".getBytes(StandardCharsets.UTF_8), null)
                .statusCode(400)
                .body("detail", containsString("not a readable zip"));
    }

    @TestHTTPResource("/api/v1/rulesets")
    URI rulesets;

    @Test
    void anUploadOver16MiBIsRefusedWith413BeforeItIsRead() throws Exception {
        String response = RawHttp.announceUpload(rulesets, "policy", "application/zip", 16 * 1024 * 1024 + 1);

        assertThat(response)
                .startsWith("HTTP/1.1 413")
                .containsIgnoringCase("Content-Type: " + Api.PROBLEM_JSON)
                .contains("16 MiB");
    }

    @Test
    void changesNamingUndefinedFieldsOrMissingFilesOrEscapingPathsAreRefused() {
        int base = Rulesets.active();
        Api.as("policy")
                .body("{\"baseVersion\":" + base + ",\"files\":{\"README.md\":\"x\"},\"author\":\"me\"}")
                .post("/api/v1/rulesets")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("author"));
        Api.as("policy")
                .body("{\"baseVersion\":" + base + ",\"files\":{\"nowhere.drl\":null}}")
                .post("/api/v1/rulesets")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("files[nowhere.drl]"));
        Api.as("policy")
                .body("{\"baseVersion\":" + base + ",\"files\":{\"../x.drl\":\"package x;\"}}")
                .post("/api/v1/rulesets")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("files[../x.drl]"));
        Api.as("policy")
                .body("{\"baseVersion\":999999,\"files\":{\"README.md\":\"x\"}}")
                .post("/api/v1/rulesets")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("baseVersion"));
        Api.as("policy")
                .contentType("text/plain")
                .body("hello")
                .post("/api/v1/rulesets")
                .then()
                .statusCode(415);
    }

    private static byte[] with(Map<String, byte[]> files, String path, String text) {
        Map<String, byte[]> entries = new LinkedHashMap<>(files);
        entries.put(path, text.getBytes(StandardCharsets.UTF_8));
        return Zips.of(entries);
    }

    private static void refused(byte[] zip, String entry, String reason) {
        upload(zip, null)
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .body("errors.field", equalTo(List.of(entry)))
                .body("errors[0].message", containsString(reason));
    }

    private static ValidatableResponse upload(byte[] zip, String comment) {
        var request = Api.as("policy").contentType("application/zip").body(zip);
        if (comment != null) {
            request.queryParam("comment", comment);
        }
        return request.when().post("/api/v1/rulesets").then();
    }
}
