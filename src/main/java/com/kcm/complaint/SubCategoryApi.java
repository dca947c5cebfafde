package com.kcm.complaint;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.kcm.complaint.ComplaintSubCategories.SubCategory;

/**
 * The classification standard under {@code /api/v1/complaint-sub-categories}: read by every signed-in user
 * (optionally one category's), added to and (de)activated by administrators.
 */
@RestController
@RequestMapping("/api/v1/complaint-sub-categories")
class SubCategoryApi {

	/** A new sub-category: an unknown {@code category} is refused with 422 naming the field (case is ignored, as before). */
	record NewSubCategory(String code,
			@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) Category category, String nameZh,
			String nameEn, Integer order) {
	}

	private final ComplaintSubCategories subCategories;

	SubCategoryApi(ComplaintSubCategories subCategories) {
		this.subCategories = subCategories;
	}

	@GetMapping
	List<SubCategory> list(@RequestParam(required = false) String category) {
		return subCategories.all().stream().filter(s -> category == null || s.category().equals(category)).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	SubCategory add(@RequestBody NewSubCategory n) {
		return subCategories.add(n.code(), n.category() == null ? null : n.category().name(), n.nameZh(), n.nameEn(),
				n.order());
	}

	@PostMapping("/{code}/deactivate")
	@PreAuthorize("hasRole('ADMIN')")
	SubCategory deactivate(@PathVariable String code) {
		return subCategories.setActive(code, false);
	}

	@PostMapping("/{code}/activate")
	@PreAuthorize("hasRole('ADMIN')")
	SubCategory activate(@PathVariable String code) {
		return subCategories.setActive(code, true);
	}
}
