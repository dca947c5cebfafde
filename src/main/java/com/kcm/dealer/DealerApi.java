package com.kcm.dealer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.kcm.shared.domain.ValidationException;

/**
 * {@code /api/v1/regions}, {@code /api/v1/dealers} and their imports (SPEC Appendix A). Everybody signed in
 * reads, scoped (a dealer user sees its dealer, a regional user its region); only ADMIN writes.
 */
@RestController
@RequestMapping("/api/v1")
class DealerApi {

	private final DealerCatalog catalog;
	private final DealerNetwork network;
	private final DealerImports imports;

	DealerApi(DealerCatalog catalog, DealerNetwork network, DealerImports imports) {
		this.catalog = catalog;
		this.network = network;
		this.imports = imports;
	}

	@GetMapping("/regions")
	List<Map<String, Object>> regions() {
		return catalog.visibleRegions().stream().map(DealerApi::view).toList();
	}

	@PostMapping("/regions")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> createRegion(@RequestBody RegionCommand cmd) {
		return view(network.createRegion(cmd));
	}

	@PutMapping("/regions/{code}")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> renameRegion(@PathVariable String code, @RequestBody RegionCommand cmd) {
		return view(network.renameRegion(code, cmd));
	}

	@GetMapping("/dealers")
	Map<String, Object> dealers(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String status, @RequestParam(required = false) String type,
			@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Page<DealerSummary> p = catalog.search(new DealerSearch(regionCode, type, status, q),
				PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), DealerCatalog.sortOf(sort)));
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("items", p.getContent().stream().map(DealerApi::view).toList());
		m.put("page", p.getNumber());
		m.put("size", p.getSize());
		m.put("total", p.getTotalElements());
		return m;
	}

	@GetMapping("/dealers/{code}")
	Map<String, Object> dealer(@PathVariable String code) {
		return detail(catalog.visible(code));
	}

	@PostMapping("/dealers")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> create(@RequestBody DealerCommand cmd) {
		return detail(network.createDealer(cmd));
	}

	@PutMapping("/dealers/{code}")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> update(@PathVariable String code, @RequestBody DealerCommand cmd) {
		return detail(network.updateDealer(code, cmd));
	}

	@PostMapping("/dealers/{code}/status")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> changeStatus(@PathVariable String code, @RequestBody StatusChange change) {
		return detail(network.changeStatus(code, change));
	}

	@PostMapping("/dealers/{code}/star")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> changeStar(@PathVariable String code, @RequestBody StarChange change) {
		return detail(network.changeStar(code, change));
	}

	@PostMapping("/imports/regions")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> importRegions(@RequestParam(value = "file", required = false) MultipartFile file) {
		try (InputStream in = open(file)) {
			return Map.of("imported", imports.importRegions(file.getOriginalFilename(), in));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@PostMapping("/imports/dealers")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> importDealers(@RequestParam(value = "file", required = false) MultipartFile file) {
		try (InputStream in = open(file)) {
			return Map.of("imported", imports.importDealers(file.getOriginalFilename(), in));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static InputStream open(MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw ValidationException.of("file", "error.required");
		}
		return file.getInputStream();
	}

	static Map<String, Object> view(RegionSummary r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", r.id());
		m.put("code", r.code());
		m.put("name", r.name());
		return m;
	}

	static Map<String, Object> view(DealerSummary d) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", d.id());
		m.put("code", d.code());
		m.put("name", d.name());
		m.put("type", d.type().code());
		m.put("regionCode", d.regionCode());
		m.put("regionName", d.regionName());
		m.put("status", d.status().name());
		m.put("starLevel", d.starLevel());
		m.put("acceptedOn", d.acceptedOn().toString());
		m.put("contactPhone", d.contactPhone());
		m.put("contactEmail", d.contactEmail());
		return m;
	}

	private Map<String, Object> detail(DealerSummary d) {
		Map<String, Object> m = view(d);
		m.put("statusHistory", catalog.statusHistory(d.id()).stream().map(s -> {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("status", s.status().name());
			e.put("effectiveFrom", s.effectiveFrom().toString());
			e.put("reason", s.reason());
			e.put("recordedAt", s.recordedAt().toString());
			e.put("recordedBy", s.recordedBy());
			return e;
		}).toList());
		m.put("starHistory", catalog.starHistory(d.id()).stream().map(s -> {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("starLevel", s.starLevel());
			e.put("effectiveFrom", s.effectiveFrom().toString());
			e.put("reason", s.reason());
			e.put("recordedAt", s.recordedAt().toString());
			e.put("recordedBy", s.recordedBy());
			return e;
		}).toList());
		return m;
	}
}
