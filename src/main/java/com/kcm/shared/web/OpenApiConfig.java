package com.kcm.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document served at {@code /v3/api-docs} (SPEC §10). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	@Bean
	OpenAPI kcmOpenApi() {
		return new OpenAPI()
				.info(new Info().title("KCM API").version("v1")
						.description("关键客户管理系统 REST API. Sign in with POST /api/v1/auth/token, "
								+ "then send Authorization: Bearer <token>. Contract: SPEC Appendix A."))
				.components(new Components().addSecuritySchemes("bearer",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
				.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
