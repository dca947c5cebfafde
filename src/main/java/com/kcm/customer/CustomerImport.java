package com.kcm.customer;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;
import com.kcm.shared.domain.Violations;
import com.kcm.shared.io.TabularFile;
import com.kcm.shared.io.XlsxExport;

/**
 * Imports customers and vehicles from xlsx or CSV with Chinese or English headers. Every row is checked
 * first, against the database and against the other rows; one bad row and nothing is imported, the
 * answer naming each bad row and field. Otherwise all rows are saved in one transaction and audited.
 */
@Service
class CustomerImport {

	/** Column → accepted headers (first is the template's). */
	static final Map<String, String[]> CUSTOMER_COLUMNS = columns("name", "姓名", "phone", "手机", "phone2", "手机2",
			"idNumber", "身份证号", "kind", "类型", "occupation", "职业", "birthday", "生日", "address", "地址",
			"marketingConsent", "营销同意", "source", "来源");
	static final Map<String, String[]> VEHICLE_COLUMNS = columns("vin", "VIN", "plate", "车牌", "model", "车型",
			"purchaseDate", "购车日期", "sellingDealerCode", "销售服务商", "ownerPhone", "车主手机", "insuranceType", "保险类型",
			"modificationNotes", "改装说明");

	private final Customers customers;
	private final Vehicles vehicles;
	private final CustomerRepository customerRepository;
	private final VehicleRepository vehicleRepository;
	private final PersonalData personal;
	private final Audit audit;
	private final org.springframework.context.ApplicationEventPublisher events;

	CustomerImport(Customers customers, Vehicles vehicles, CustomerRepository customerRepository,
			VehicleRepository vehicleRepository, PersonalData personal, Audit audit,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.customers = customers;
		this.vehicles = vehicles;
		this.customerRepository = customerRepository;
		this.vehicleRepository = vehicleRepository;
		this.personal = personal;
		this.audit = audit;
	}

	@Transactional
	public int importCustomers(String filename, InputStream in) {
		List<TabularFile.Row> rows = TabularFile.read(filename, in);
		if (rows.isEmpty()) {
			throw none();
		}
		Violations all = new Violations();
		List<CustomerCommand> commands = new ArrayList<>();
		Map<String, Integer> phoneRows = new HashMap<>();
		for (TabularFile.Row row : rows) {
			Violations v = new Violations();
			CustomerCommand cmd = new CustomerCommand(get(row, CUSTOMER_COLUMNS, "name"), get(row, CUSTOMER_COLUMNS, "phone"),
					get(row, CUSTOMER_COLUMNS, "phone2"), get(row, CUSTOMER_COLUMNS, "idNumber"),
					get(row, CUSTOMER_COLUMNS, "kind"), null, null, false, null, null,
					get(row, CUSTOMER_COLUMNS, "occupation"), date(get(row, CUSTOMER_COLUMNS, "birthday"), "birthday", v),
					get(row, CUSTOMER_COLUMNS, "address"), bool(get(row, CUSTOMER_COLUMNS, "marketingConsent"),
							"marketingConsent", v),
					get(row, CUSTOMER_COLUMNS, "source"));
			customers.check(cmd, null, v, "");
			MobilePhone.parse(cmd.phone()).ifPresent(phone -> {
				String hash = personal.hash(phone);
				Integer earlier = phoneRows.putIfAbsent(hash, row.number());
				if (earlier != null) {
					v.field("phone", "customer.import.phoneDuplicateInFile", earlier);
				} else {
					customerRepository.findByPhoneHashAndMergedIntoIdIsNullOrderById(hash).stream().findFirst()
							.ifPresent(c -> v.field("phone", "customer.import.phoneExists", c.getId()));
				}
			});
			atRow(row, v, all);
			commands.add(cmd);
		}
		all.throwIfAny();
		List<Customer> saved = customerRepository.saveAll(commands.stream().map(customers::build).toList());
		saved.forEach(c -> audit.changed(Audit.CREATE, Customers.TYPE, c.getId(), null, customers.snapshot(c)));
		audit.changed(Audit.IMPORT, Customers.TYPE, null, null, Map.of("file", String.valueOf(filename), "rows", saved.size()));
		return saved.size();
	}

	@Transactional
	public int importVehicles(String filename, InputStream in) {
		List<TabularFile.Row> rows = TabularFile.read(filename, in);
		if (rows.isEmpty()) {
			throw none();
		}
		Violations all = new Violations();
		List<Vehicles.Prepared> prepared = new ArrayList<>();
		List<Long> owners = new ArrayList<>();
		Map<String, Integer> vinRows = new HashMap<>();
		for (TabularFile.Row row : rows) {
			Violations v = new Violations();
			VehicleCommand cmd = new VehicleCommand(get(row, VEHICLE_COLUMNS, "vin"), get(row, VEHICLE_COLUMNS, "plate"),
					get(row, VEHICLE_COLUMNS, "model"), date(get(row, VEHICLE_COLUMNS, "purchaseDate"), "purchaseDate", v),
					get(row, VEHICLE_COLUMNS, "sellingDealerCode"), null, get(row, VEHICLE_COLUMNS, "modificationNotes"),
					get(row, VEHICLE_COLUMNS, "insuranceType"));
			Vehicles.Prepared p = vehicles.check(cmd, null, v, false);
			if (p.vin != null) {
				Integer earlier = vinRows.putIfAbsent(p.vin.value(), row.number());
				if (earlier != null) {
					v.field("vin", "customer.vin.duplicateInFile", p.vin.value(), earlier);
				}
			}
			owners.add(owner(get(row, VEHICLE_COLUMNS, "ownerPhone"), v));
			atRow(row, v, all);
			prepared.add(p);
		}
		all.throwIfAny();
		List<Vehicle> list = new ArrayList<>();
		for (int i = 0; i < prepared.size(); i++) {
			list.add(vehicles.build(prepared.get(i), owners.get(i)));
		}
		List<Vehicle> saved = vehicleRepository.saveAll(list);
		saved.forEach(x -> audit.changed(Audit.CREATE, Vehicles.TYPE, x.getId(), null, Vehicles.snapshot(x)));
		events.publishEvent(new VehicleOwnersChanged(saved.stream().map(Vehicle::getOwnerId)
				.collect(java.util.stream.Collectors.toSet())));
		audit.changed(Audit.IMPORT, Vehicles.TYPE, null, null, Map.of("file", String.valueOf(filename), "rows", saved.size()));
		return saved.size();
	}

	/** An empty template with the Chinese headers and one example row. */
	public void template(String what, OutputStream out) {
		boolean vehicle = "vehicles".equals(what);
		Map<String, String[]> columns = vehicle ? VEHICLE_COLUMNS : CUSTOMER_COLUMNS;
		List<String> headers = columns.values().stream().map(a -> a[1]).toList();
		List<Object> example = vehicle
				? List.of("LSVAM4187C2184847", "京A12345", "KCM S7", "2024-05-01", "D0001", "13800138000", "商业险", "")
				: List.of("张三", "13800138000", "", "11010519491231002X", "个人", "教师", "1980-01-31", "北京市朝阳区", "是",
						"400热线");
		XlsxExport.write(out, vehicle ? "vehicles" : "customers", null, headers, sink -> sink.row(example));
	}

	private Long owner(String phone, Violations v) {
		if (phone == null) {
			v.field("ownerPhone", "error.required");
			return null;
		}
		var parsed = MobilePhone.parse(phone);
		if (parsed.isEmpty()) {
			v.field("ownerPhone", "customer.phone.invalid");
			return null;
		}
		List<Customer> found = customerRepository.findByPhoneHashAndMergedIntoIdIsNullOrderById(personal.hash(parsed.get()));
		if (found.isEmpty()) {
			v.field("ownerPhone", "customer.import.ownerUnknown");
			return null;
		}
		if (found.size() > 1) {
			v.field("ownerPhone", "customer.import.ownerAmbiguous");
		}
		return found.get(0).getId();
	}

	private static void atRow(TabularFile.Row row, Violations v, Violations all) {
		for (Violation x : v.list()) {
			all.add(Violation.row(row.number(), x.field(), x.code(), x.args()));
		}
	}

	private static String get(TabularFile.Row row, Map<String, String[]> columns, String column) {
		return row.get(columns.get(column));
	}

	private static LocalDate date(String s, String field, Violations v) {
		return CustomerForm.date(s, field, v);
	}

	private static Boolean bool(String s, String field, Violations v) {
		if (s == null) {
			return false;
		}
		return switch (s.strip().toLowerCase(Locale.ROOT)) {
			case "是", "y", "yes", "true", "1", "同意" -> true;
			case "否", "n", "no", "false", "0", "不同意" -> false;
			default -> {
				v.field(field, "customer.boolean.invalid");
				yield false;
			}
		};
	}

	private static Map<String, String[]> columns(String... pairs) {
		Map<String, String[]> m = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			m.put(pairs[i], new String[] { pairs[i], pairs[i + 1] });
		}
		return m;
	}

	static ValidationException none() {
		return ValidationException.of("file", "import.file.empty");
	}
}
