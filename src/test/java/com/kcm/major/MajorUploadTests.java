package com.kcm.major;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import com.kcm.audit.Audit;
import com.kcm.audit.AuditQuery;
import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/** Uploads from the dealer's phone: judged by content, size and pixel limits, metadata stripped, served by scope. */
@KcmTest
class MajorUploadTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	@Autowired
	Audit audit;

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

	String path(String slot) {
		return "/major-complaints/" + major + "/attachments?slot=" + slot;
	}

	@Test
	void aProgramRenamedToJpgIsRefusedWhateverItsName() {
		byte[] exe = new byte[4096];
		exe[0] = 'M';
		exe[1] = 'Z';
		Api.Answer a = f.dealerUser.upload(path("PHOTO_FRONT"), "front.jpg", exe);
		assertThat(a.status()).isEqualTo(422);
		assertThat(a.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
		assertThat(a.body()).contains("JPEG 或 PNG");
		// a JPEG header followed by garbage does not decode either
		byte[] fake = Arrays.copyOf(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, 2048);
		assertThat(f.dealerUser.upload(path("PHOTO_FRONT"), "front.jpg", fake).status()).isEqualTo(422);
		// a PDF is fine for the official findings, not as a photo
		byte[] pdf = com.kcm.shared.pdf.PdfDocument.bytes("认定书", b -> b.paragraph("消防认定书"));
		assertThat(f.dealerUser.upload(path("PHOTO_REAR"), "rear.pdf", pdf).status()).isEqualTo(422);
		assertThat(f.dealerUser.upload(path("FINDINGS"), "findings.pdf", pdf).status()).isEqualTo(201);
		assertThat(f.afterSales.get("/major-complaints/" + major).json().get("otherAttachments").size()).isZero();
	}

	@Test
	void anImageOverThePixelOrByteLimitIsRefused() {
		// 8000 × 6000 = 48 megapixels > 40: refused from the header, before decoding
		Api.Answer big = f.dealerUser.upload(path("PHOTO_SCENE"), "scene.png", MajorFixtures.png(8000, 6000));
		assertThat(big.status()).as(big.body()).isEqualTo(422);
		assertThat(big.body()).contains("8000×6000");
		byte[] heavy = new byte[11 * 1024 * 1024];
		byte[] head = MajorFixtures.jpeg(Color.BLUE);
		System.arraycopy(head, 0, heavy, 0, head.length);
		Api.Answer tooHeavy = f.dealerUser.upload(path("PHOTO_SCENE"), "scene.jpg", heavy);
		assertThat(tooHeavy.status()).isEqualTo(422);
		assertThat(tooHeavy.body()).contains("10 MB");
		assertThat(f.afterSales.get("/major-complaints/" + major).json().get("completeness").get("present").asInt())
				.isZero();
	}

	@Test
	void locationDataIsGoneFromTheStoredPhotoWhichLivesUnderAGeneratedName() throws Exception {
		byte[] original = MajorFixtures.withExifGps(MajorFixtures.jpeg(Color.GREEN));
		assertThat(MajorFixtures.contains(original, "KCM-GPS-MARKER")).isTrue();
		assertThat(ImageIO.read(new ByteArrayInputStream(original))).isNotNull();
		Api.Answer up = f.dealerUser.upload(path("PHOTO_DAMAGE"), "../../IMG_0001.jpg", original);
		assertThat(up.status()).as(up.body()).isEqualTo(201);
		long id = up.json().get("id").asLong();
		Api.Bytes back = f.dealerUser.getBytes("/attachments/" + id);
		assertThat(back.status()).isEqualTo(200);
		assertThat(back.contentType()).isEqualTo("image/jpeg");
		assertThat(MajorFixtures.contains(back.body(), "KCM-GPS-MARKER")).isFalse();
		assertThat(MajorFixtures.contains(back.body(), "Exif")).isFalse();
		var image = ImageIO.read(new ByteArrayInputStream(back.body()));
		assertThat(image.getWidth()).isEqualTo(64);
		assertThat(image.getHeight()).isEqualTo(48);
		Path dir = Path.of("target/test-data/uploads");
		try (var files = Files.list(dir)) {
			assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.contains("IMG_0001"))).isEmpty();
		}
		try (var files = Files.list(dir)) {
			assertThat(files.anyMatch(p -> {
				try {
					return Arrays.equals(Files.readAllBytes(p), back.body());
				} catch (java.io.IOException e) {
					return false;
				}
			})).isTrue();
		}
		assertThat(new String(back.body(), StandardCharsets.ISO_8859_1)).doesNotContain("GPS");
	}

	@Test
	void aForeignDealerOrRegionGetsNotFoundAndTheAttemptIsAudited() {
		Api.Answer up = f.dealerUser.upload(path("PHOTO_FRONT"), "front.jpg", MajorFixtures.jpeg(Color.RED));
		long id = up.json().get("id").asLong();
		assertThat(f.regional.getBytes("/attachments/" + id).status()).isEqualTo(200);
		assertThat(f.afterSales.getBytes("/attachments/" + id).status()).isEqualTo(200);
		assertThat(f.foreignUser.getBytes("/attachments/" + id).status()).isEqualTo(404);
		assertThat(f.neighbourUser.getBytes("/attachments/" + id).status()).isEqualTo(404);
		assertThat(f.foreignRegional.getBytes("/attachments/" + id).status()).isEqualTo(404);
		assertThat(f.foreignUser.get("/major-complaints/" + major).status()).isEqualTo(404);
		assertThat(f.foreignUser.upload(path("PHOTO_REAR"), "rear.jpg", MajorFixtures.jpeg(Color.RED)).status())
				.isEqualTo(404);
		assertThat(audit.search(new AuditQuery(f.foreignUsername, Audit.NOT_VISIBLE, "major_attachment",
				String.valueOf(id), null, null), PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
		assertThat(f.foreignUser.get("/major-complaints").json().get("total").asInt()).isZero();
		assertThat(f.dealerUser.get("/major-complaints").json().get("total").asInt()).isEqualTo(1);
		assertThat(f.anonymousGet("/attachments/" + id)).isEqualTo(401);
	}
}
