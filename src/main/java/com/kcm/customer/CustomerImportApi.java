package com.kcm.customer;

import java.io.IOException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/v1/imports/customers|vehicles} (multipart {@code file}) → {@code {"imported": n}} or 422 per row. */
@RestController
@RequestMapping("/api/v1/imports")
@PreAuthorize(CustomerRoles.IMPORT)
class CustomerImportApi {

	private final CustomerImport imports;

	CustomerImportApi(CustomerImport imports) {
		this.imports = imports;
	}

	@PostMapping("/customers")
	Imported customers(@RequestParam("file") MultipartFile file) throws IOException {
		return new Imported(imports.importCustomers(file.getOriginalFilename(), file.getInputStream()));
	}

	@PostMapping("/vehicles")
	Imported vehicles(@RequestParam("file") MultipartFile file) throws IOException {
		return new Imported(imports.importVehicles(file.getOriginalFilename(), file.getInputStream()));
	}

	record Imported(int imported) {
	}
}
