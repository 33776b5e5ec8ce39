package org.opencio.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /api/v1/openapi (Swagger UI at /api/docs): personal access tokens as bearer auth. */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI openCioApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("OpenCIO API")
                        .version("v1")
                        .description("The JSON API of OpenCIO. Authenticate with a personal access token "
                                + "(Profile → API tokens) as the header 'Authorization: Bearer' followed by the token. Errors are RFC 9457 "
                                + "problem details; lists page with limit and an opaque cursor; updates need If-Match; "
                                + "POST accepts an Idempotency-Key."))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("Personal access token")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
