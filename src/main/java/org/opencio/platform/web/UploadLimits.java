package org.opencio.platform.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The container answers "100 Continue" only when the application starts reading a body, not as soon as the request
 * arrives: a client that asks first (Expect: 100-continue, as curl does for large files) hears an early 413 from
 * {@link UploadSizeLimitFilter} instead of sending gigabytes that would be thrown away.
 */
@Configuration
class UploadLimits {

    @Bean
    TomcatConnectorCustomizer continueOnRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }
}
