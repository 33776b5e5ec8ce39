package org.opencio.platform.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Demo mode: {@code --opencio.demo.enabled=true}; every demo person signs in with {@code password}. */
@ConfigurationProperties("opencio.demo")
public record DemoSettings(boolean enabled, @Nullable String password) {}
