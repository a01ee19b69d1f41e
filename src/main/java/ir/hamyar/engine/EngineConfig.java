package ir.hamyar.engine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hamyar.engine")
public interface EngineConfig {

    /** {@code hamyar.engine.max-firings}: rule firings allowed per decision before it is stopped as a loop. */
    @WithDefault("10000")
    int maxFirings();
}
