package com.kcm.complaint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.kcm.shared.files.FileStore;

/** Screenshots of online complaints under {@code /api/v1}: attach one (multipart field {@code file}), list, fetch. */
@RestController
@RequestMapping("/api/v1/complaints/{id}/screenshots")
class ScreenshotApi {

	private final ComplaintScreenshots screenshots;

	ScreenshotApi(ComplaintScreenshots screenshots) {
		this.screenshots = screenshots;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ScreenshotAnswer> attach(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		Screenshot s = screenshots.attached(id, "file", List.of(ComplaintScreenshots.Upload.of(file, "file"))).get(0);
		return ResponseEntity.status(HttpStatus.CREATED).body(ScreenshotAnswer.of(s));
	}

	@GetMapping
	List<ScreenshotAnswer> list(@PathVariable long id) {
		return screenshots.of(id).stream().map(ScreenshotAnswer::of).toList();
	}

	@GetMapping("/{sid}")
	ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable long sid) {
		ComplaintScreenshots.Download d = screenshots.download(id, sid);
		return FileStore.response(d.contentType(), d.name(), d.bytes(), false);
	}


	record ScreenshotAnswer(Long id, long complaintId, String contentType, Integer width, Integer height, long sizeBytes,
			String originalName, String uploadedBy, OffsetDateTime uploadedAt) {

		static ScreenshotAnswer of(Screenshot s) {
			return new ScreenshotAnswer(s.getId(), s.getComplaintId(), s.getFile().getContentType(),
					s.getFile().getWidth(), s.getFile().getHeight(), s.getFile().getSizeBytes(),
					s.getFile().getOriginalName(), s.getFile().getUploadedBy(),
					ComplaintQueries.local(s.getFile().getUploadedAt()));
		}
	}
}
