package com.kcm.major;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.Color;
import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.kcm.dealer.DealerNetwork;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/** The pages answer within scope: a foreign dealer gets 404 for the page and its files; uploads refuse disguises; the list exports. */
@KcmTest
class MajorPageTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	MajorFixtures f;
	long major;

	@BeforeEach
	void setUp() {
		f = new MajorFixtures(port, network, clock);
		f.at("2026-11-02T10:00:00+08:00");
		major = f.flagged(f.dispatchedComplaint(f.dealer));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	MockHttpSession signIn(String username) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("secret-123")).andReturn()
				.getRequest().getSession();
	}

	@Test
	void aPhotoUploadedThroughThePageIsServedToTheDealerAndHiddenFromAForeignOne() throws Exception {
		MockHttpSession dealer = signIn(f.dealerUsername);
		MvcResult refused = mvc.perform(multipart("/major-complaints/" + major + "/upload").file(new MockMultipartFile(
				"file", "front.jpg", "image/jpeg", "MZ-not-a-picture".getBytes())).param("slot", "PHOTO_FRONT")
				.with(csrf()).session(dealer)).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentAsString()).contains("照片只能是 JPEG 或 PNG 图片");
		MvcResult ok = mvc.perform(multipart("/major-complaints/" + major + "/upload").file(new MockMultipartFile("file",
				"front.jpg", "image/jpeg", MajorFixtures.jpeg(Color.RED))).param("slot", "PHOTO_FRONT").with(csrf())
				.session(dealer)).andReturn();
		assertThat(ok.getResponse().getStatus()).isEqualTo(302);
		long fileId = f.afterSales.get("/major-complaints/" + major).json().get("dossier").get(5).get("attachments")
				.get(0).asLong();
		assertThat(mvc.perform(get("/major-complaints/files/" + fileId).session(dealer)).andReturn().getResponse()
				.getContentType()).isEqualTo("image/jpeg");
		MockHttpSession foreign = signIn(f.foreignUsername);
		assertThat(mvc.perform(get("/major-complaints/files/" + fileId).session(foreign)).andReturn().getResponse()
				.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/major-complaints/" + major).session(foreign)).andReturn().getResponse()
				.getStatus()).isEqualTo(404);
	}

	@Test
	void theListExportsAsXlsxWithinTheCallersScope() throws Exception {
		MvcResult r = mvc.perform(get("/major-complaints/export").session(signIn(f.dealerUsername))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("客户");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("张伟");
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("处理中");
			assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("2026-11-04 16:30");
		}
		MvcResult foreign = mvc.perform(get("/major-complaints/export").session(signIn(f.foreignUsername))).andReturn();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(foreign.getResponse().getContentAsByteArray()))) {
			assertThat(wb.getSheetAt(0).getLastRowNum()).isZero();
		}
	}
}
