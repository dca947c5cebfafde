package com.kcm.quality;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kcm.shared.web.PageAnswer;

/**
 * {@code /api/v1/capas}: create ({@code {"title","problem","complaintIds":[…],"owner":"username","dueDate"}} →
 * 201), read, list, record the analysis (PUT), and the steps start / done / verify ({@code {"evidence"}}) /
 * reject ({@code {"reason"}}).
 */
@RestController
@RequestMapping("/api/v1/capas")
@PreAuthorize(QualityRoles.CAPA)
class CapaApi {

	private final Capas capas;

	CapaApi(Capas capas) {
		this.capas = capas;
	}

	record Note(String evidence, String reason) {
	}

	record Create(String title, String problem, List<Long> complaintIds, String owner, LocalDate dueDate) {
	}

	@PostMapping
	ResponseEntity<CapaView> create(@RequestBody Create c) {
		return ResponseEntity.status(201)
				.body(capas.create(new Capas.NewCapa(c.title(), c.problem(), c.complaintIds(), c.owner(), c.dueDate())));
	}

	@GetMapping("/{id}")
	CapaView get(@PathVariable long id) {
		return capas.get(id);
	}

	@GetMapping
	PageAnswer<CapaView> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Page<CapaView> p = capas.list(status, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200)));
		return PageAnswer.of(p);
	}

	@PutMapping("/{id}")
	CapaView analyse(@PathVariable long id, @RequestBody Capas.Analysis a) {
		return capas.analyse(id, a);
	}

	@PostMapping("/{id}/start")
	CapaView start(@PathVariable long id) {
		return capas.start(id);
	}

	@PostMapping("/{id}/done")
	CapaView done(@PathVariable long id) {
		return capas.done(id);
	}

	@PostMapping("/{id}/verify")
	CapaView verify(@PathVariable long id, @RequestBody Note n) {
		return capas.verify(id, n.evidence());
	}

	@PostMapping("/{id}/reject")
	CapaView reject(@PathVariable long id, @RequestBody Note n) {
		return capas.reject(id, n.reason());
	}
}
