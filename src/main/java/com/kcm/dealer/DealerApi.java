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

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.PageAnswer;

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
	List<RegionSummary> regions() {
		return catalog.visibleRegions();
	}

	@PostMapping("/regions")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	RegionSummary createRegion(@RequestBody RegionCommand cmd) {
		return network.createRegion(cmd);
	}

	@PutMapping("/regions/{code}")
	@PreAuthorize("hasRole('ADMIN')")
	RegionSummary renameRegion(@PathVariable String code, @RequestBody RegionCommand cmd) {
		return network.renameRegion(code, cmd);
	}

	@GetMapping("/dealers")
	PageAnswer<DealerAnswer> dealers(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String status, @RequestParam(required = false) String type,
			@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Page<DealerSummary> p = catalog.search(new DealerSearch(regionCode, type, status, q),
				PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), DealerCatalog.sortOf(sort)));
		return PageAnswer.of(p, DealerAnswer::of);
	}

	@GetMapping("/dealers/{code}")
	DealerDetail dealer(@PathVariable String code) {
		return detail(catalog.visible(code));
	}

	@PostMapping("/dealers")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	DealerDetail create(@RequestBody DealerCommand cmd) {
		return detail(network.createDealer(cmd));
	}

	@PutMapping("/dealers/{code}")
	@PreAuthorize("hasRole('ADMIN')")
	DealerDetail update(@PathVariable String code, @RequestBody DealerCommand cmd) {
		return detail(network.updateDealer(code, cmd));
	}

	@PostMapping("/dealers/{code}/status")
	@PreAuthorize("hasRole('ADMIN')")
	DealerDetail changeStatus(@PathVariable String code, @RequestBody StatusChange change) {
		return detail(network.changeStatus(code, change));
	}

	@PostMapping("/dealers/{code}/star")
	@PreAuthorize("hasRole('ADMIN')")
	DealerDetail changeStar(@PathVariable String code, @RequestBody StarChange change) {
		return detail(network.changeStar(code, change));
	}

	@PostMapping("/imports/regions")
	@PreAuthorize("hasRole('ADMIN')")
	Imported importRegions(@RequestParam(value = "file", required = false) MultipartFile file) {
		try (InputStream in = open(file)) {
			return new Imported(imports.importRegions(file.getOriginalFilename(), in));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@PostMapping("/imports/dealers")
	@PreAuthorize("hasRole('ADMIN')")
	Imported importDealers(@RequestParam(value = "file", required = false) MultipartFile file) {
		try (InputStream in = open(file)) {
			return new Imported(imports.importDealers(file.getOriginalFilename(), in));
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


	/** A dealer as lists show it: type as its code, dates as ISO text. */
	record DealerAnswer(long id, String code, String name, String type, String regionCode, String regionName,
			DealerStatus status, int starLevel, String acceptedOn, String contactPhone, String contactEmail) {

		static DealerAnswer of(DealerSummary d) {
			return new DealerAnswer(d.id(), d.code(), d.name(), d.type().code(), d.regionCode(), d.regionName(),
					d.status(), d.starLevel(), d.acceptedOn().toString(), d.contactPhone(), d.contactEmail());
		}
	}

	/** A dealer with its status and star history. */
	record DealerDetail(@JsonUnwrapped DealerAnswer dealer, List<StatusLine> statusHistory, List<StarLine> starHistory) {
	}

	record StatusLine(DealerStatus status, String effectiveFrom, String reason, String recordedAt, String recordedBy) {
	}

	record StarLine(int starLevel, String effectiveFrom, String reason, String recordedAt, String recordedBy) {
	}

	record Imported(int imported) {
	}

	private DealerDetail detail(DealerSummary d) {
		return new DealerDetail(DealerAnswer.of(d), catalog.statusHistory(d.id()).stream()
				.map(s -> new StatusLine(s.status(), s.effectiveFrom().toString(), s.reason(), s.recordedAt().toString(),
						s.recordedBy()))
				.toList(),
				catalog.starHistory(d.id()).stream()
						.map(s -> new StarLine(s.starLevel(), s.effectiveFrom().toString(), s.reason(),
								s.recordedAt().toString(), s.recordedBy()))
						.toList());
	}
}
