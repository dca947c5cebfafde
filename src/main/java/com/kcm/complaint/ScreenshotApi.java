package com.kcm.complaint;

import java.util.LinkedHashMap;
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
	ResponseEntity<Map<String, Object>> attach(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		Screenshot s = screenshots.attach(id, "file", List.of(ComplaintScreenshots.Upload.of(file, "file"))).get(0);
		return ResponseEntity.status(HttpStatus.CREATED).body(json(s));
	}

	@GetMapping
	List<Map<String, Object>> list(@PathVariable long id) {
		return screenshots.of(id).stream().map(ScreenshotApi::json).toList();
	}

	@GetMapping("/{sid}")
	ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable long sid) {
		ComplaintScreenshots.Download d = screenshots.download(id, sid);
		return FileStore.response(d.screenshot().getFile().getContentType(), d.name(), d.bytes(), false);
	}


	static Map<String, Object> json(Screenshot s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", s.getId());
		m.put("complaintId", s.getComplaintId());
		m.put("contentType", s.getFile().getContentType());
		m.put("width", s.getFile().getWidth());
		m.put("height", s.getFile().getHeight());
		m.put("sizeBytes", s.getFile().getSizeBytes());
		m.put("originalName", s.getFile().getOriginalName());
		m.put("uploadedBy", s.getFile().getUploadedBy());
		m.put("uploadedAt", ComplaintQueries.local(s.getFile().getUploadedAt()));
		return m;
	}
}
