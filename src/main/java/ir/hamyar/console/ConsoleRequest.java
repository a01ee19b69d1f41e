package ir.hamyar.console;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import ir.hamyar.problem.Problem;
import ir.hamyar.problem.ProblemException;
import ir.hamyar.security.Caller;
import ir.hamyar.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * What every console page needs of the request it answers: the language (cookie {@value #LANGUAGE_COOKIE}, Persian
 * by default), the signed-in user and what her roles let her see, and the CSRF token of the double-submit cookie
 * {@value #CSRF_COOKIE} that every form repeats in its field {@value #CSRF_FIELD}.
 */
@RequestScoped
public class ConsoleRequest {

    public static final String LANGUAGE_COOKIE = "hamyar-lang";
    public static final String CSRF_COOKIE = "hamyar-csrf";
    /** The same cookie over TLS, where the browser then keeps it to this host and path {@code /} alone. */
    public static final String SECURE_CSRF_COOKIE = "__Host-hamyar-csrf";

    public static final String CSRF_FIELD = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecurityIdentity identity;
    private final String lang;
    private final String csrf;
    private final boolean newCsrf;
    private final String path;
    private final String method;

    public ConsoleRequest(SecurityIdentity identity, HttpServerRequest request) {
        this.identity = identity;
        this.path = request.path();
        this.method = request.method().name();
        Cookie language = request.getCookie(LANGUAGE_COOKIE);
        this.lang =
                language != null && Messages.ENGLISH.equals(language.getValue()) ? Messages.ENGLISH : Messages.PERSIAN;
        Cookie token = csrfCookie(request);
        this.newCsrf = token == null || token.getValue().length() != 43;
        this.csrf = newCsrf ? newToken() : token.getValue();
    }

    /** This browser's CSRF cookie: the {@code __Host-} one over TLS, the plain one otherwise. */
    static Cookie csrfCookie(HttpServerRequest request) {
        Cookie secure = request.getCookie(SECURE_CSRF_COOKIE);
        return secure != null ? secure : request.getCookie(CSRF_COOKIE);
    }

    public String getLang() {
        return lang;
    }

    public String getOtherLang() {
        return Messages.PERSIAN.equals(lang) ? Messages.ENGLISH : Messages.PERSIAN;
    }

    /** This page, to come back to after the language is switched (a GET page; a form's answer goes home). */
    public String getReturnTo() {
        String back = "GET".equals(method) && path.startsWith("/console/") ? path : "/console/";
        return URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    public String getDir() {
        return Messages.PERSIAN.equals(lang) ? "rtl" : "ltr";
    }

    public boolean isPersian() {
        return Messages.PERSIAN.equals(lang);
    }

    public Map<String, String> getM() {
        return Messages.of(lang);
    }

    /** The word for a value of a kind ({@code status}, {@code kind}, {@code unit}…), or the value itself. */
    public String label(String group, Object value) {
        String key = group + "." + value;
        return getM().getOrDefault(key, String.valueOf(value));
    }

    /** What a problem type means, in the page's language ({@code urn:hamyar:problem:own-draft} → its sentence). */
    public String explain(String problemType) {
        String slug = problemType == null ? "" : problemType.substring(problemType.lastIndexOf(':') + 1);
        return getM().getOrDefault("problem." + slug, getM().get("problem.other"));
    }

    public String getUser() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    /** The signed-in user and the organisation whose records she may see. */
    public Caller caller() {
        return Caller.of(identity);
    }

    /** Reads the policy: programmes, rules, parameters, versions. */
    public boolean isReader() {
        return has(Roles.POLICY) || has(Roles.AUDITOR);
    }

    /** Changes the policy: drafts, approval, activation, dry runs. */
    public boolean isPolicy() {
        return has(Roles.POLICY);
    }

    /** Asks for decisions and may override them (a caseworker's device). */
    public boolean isIntake() {
        return has(Roles.INTAKE);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** May see recorded decisions (and so which ones a draft would change). */
    public boolean isAuditor() {
        return has(Roles.AUDITOR);
    }

    /** Sees the programme's aggregate reports (never a family). */
    public boolean isManager() {
        return has(Roles.MANAGER) || has(Roles.AUDITOR);
    }

    public String getCsrf() {
        return csrf;
    }

    boolean csrfIsNew() {
        return newCsrf;
    }

    /** True when a form's token is the one of this browser's cookie (compared in constant time). */
    boolean csrfMatches(String formToken) {
        return !newCsrf
                && formToken != null
                && MessageDigest.isEqual(
                        formToken.getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8));
    }

    /** A form whose token is not this browser's is refused before it changes anything. */
    void requireCsrf(String formToken) {
        if (!csrfMatches(formToken)) {
            throw new ProblemException(Problem.of(
                    403, "csrf", "Form refused", "the form did not come from this console; reload the page and retry"));
        }
    }

    private boolean has(String role) {
        return identity.hasRole(role) || identity.hasRole(Roles.ADMIN);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
