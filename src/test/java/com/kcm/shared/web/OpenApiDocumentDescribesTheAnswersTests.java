package com.kcm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API answers are typed records, so the OpenAPI document (springdoc, {@code /v3/api-docs}) describes their
 * fields instead of an untyped object, and the enum codes a command accepts.
 */
@KcmTest
class OpenApiDocumentDescribesTheAnswersTests {

	@LocalServerPort
	int port;

	JsonNode doc;

	@BeforeEach
	void read() throws Exception {
		String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body();
		doc = JsonMapper.builder().build().readTree(body);
	}

	@Test
	void aComplaintIsDescribedFieldByFieldWithItsCustomerAndWorkOrders() {
		assertThat(answerOf("/api/v1/complaints/{id}", "get")).isEqualTo("ComplaintAnswer");
		assertThat(fields("ComplaintAnswer")).contains("id", "externalId", "kind", "channel", "status", "customer",
				"responsibleDealerCode", "escalated", "greenChannel", "workOrders");
		assertThat(fields("ComplaintCustomer")).containsExactly("name", "phone", "idNumber");
		assertThat(values(schema("ComplaintAnswer").get("properties").get("status"))).contains("REGISTERED");
	}

	@Test
	void nestedAndPagedAnswersOfOtherModulesAreDescribedToo() {
		assertThat(answerOf("/api/v1/major-complaints/{id}", "get")).isEqualTo("MajorDetail");
		assertThat(fields("MajorDetail")).contains("id", "complaintId", "status", "dealerCode", "completeness",
				"dossier", "claims", "consequences");
		assertThat(answerOf("/api/v1/dealers/{code}", "get")).isEqualTo("DealerDetail");
		assertThat(fields("DealerDetail")).contains("code", "regionCode", "statusHistory", "starHistory");
		assertThat(answerOf("/api/v1/dealers", "get")).startsWith("PageAnswer");
		assertThat(fields(answerOf("/api/v1/dealers", "get"))).containsExactly("items", "page", "size", "total");
		assertThat(answerOf("/api/v1/customers/{id}", "get")).isEqualTo("CustomerAnswer");
	}

	@Test
	void aCommandsEnumCodesAreListed() {
		assertThat(values(schema("FollowUpBody").get("properties").get("kind"))).containsExactly("VISIT", "PROGRESS");
	}

	private String answerOf(String path, String method) {
		JsonNode responses = doc.get("paths").get(path).get(method).get("responses");
		JsonNode content = (responses.has("200") ? responses.get("200") : responses.get("201")).get("content");
		String ref = content.properties().iterator().next().getValue().get("schema").get("$ref").asString();
		return ref.substring(ref.lastIndexOf('/') + 1);
	}

	private JsonNode schema(String name) {
		JsonNode s = doc.get("components").get("schemas").get(name);
		assertThat(s).as("schema " + name).isNotNull();
		return s;
	}

	private List<String> fields(String name) {
		List<String> names = new ArrayList<>();
		schema(name).get("properties").properties().forEach(e -> names.add(e.getKey()));
		return names;
	}

	private static List<String> values(JsonNode property) {
		List<String> out = new ArrayList<>();
		JsonNode e = property.has("enum") ? property.get("enum") : property.path("items").path("enum");
		e.forEach(v -> out.add(v.asString()));
		return out;
	}
}
