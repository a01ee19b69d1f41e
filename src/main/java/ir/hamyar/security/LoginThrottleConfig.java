package ir.hamyar.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How failed sign-ins are slowed and then refused ({@code hamyar.security.login-throttle.*}). */
@ConfigMapping(prefix = "hamyar.security.login-throttle")
public interface LoginThrottleConfig {

    /** Off only for load tests of a closed network. */
    @WithDefault("true")
    boolean enabled();

    /** Failures of one user name from one address within {@link #window()} before it is refused. */
    @WithDefault("10")
    int maxFailures();

    /** Failures from one address, whatever the user names, within {@link #window()} before it is refused. */
    @WithDefault("50")
    int maxFailuresPerAddress();

    /** How long failures are remembered. */
    @WithDefault("15M")
    Duration window();

    /** How long a refusal lasts once a limit is reached. */
    @WithDefault("15M")
    Duration lock();

    /** Failures before the next failure is answered slower. */
    @WithDefault("3")
    int slowAfter();

    /** Added to the answer of each failure past {@link #slowAfter()}, up to {@link #maxDelay()}. */
    @WithDefault("250ms")
    Duration delayStep();

    @WithDefault("2s")
    Duration maxDelay();
}
