package com.kcm.customer;


import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/vehicles}: read, register (owner by customer id, dealer by code), change. */
@RestController
@RequestMapping("/api/v1/vehicles")
@PreAuthorize(CustomerRoles.READ)
class VehicleApi {

	private final Vehicles vehicles;

	VehicleApi(Vehicles vehicles) {
		this.vehicles = vehicles;
	}

	@GetMapping("/{id}")
	CustomerJson.VehicleAnswer get(@PathVariable long id) {
		return CustomerJson.vehicle(vehicles.get(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(CustomerRoles.WRITE)
	CustomerJson.VehicleAnswer create(@RequestBody VehicleCommand cmd) {
		return CustomerJson.vehicle(vehicles.register(cmd));
	}

	@PutMapping("/{id}")
	@PreAuthorize(CustomerRoles.WRITE)
	CustomerJson.VehicleAnswer update(@PathVariable long id, @RequestBody VehicleCommand cmd) {
		return CustomerJson.vehicle(vehicles.update(id, cmd));
	}
}
