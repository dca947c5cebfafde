package com.kcm.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.shared.demo.DemoData;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;

/**
 * Demo customers (README): about 200 customers with one or two vehicles each, spread over dealers
 * D0001–D0020, with a few duplicate pairs, key accounts and classes; always the same (seeded). Among
 * them 陈志明, phone 13800138000, vehicle 京A12345 with a VIN ending 123456, sold by D0001. Runs after
 * the dealer demo data (order 10), only when there are no customers yet and the dealers exist.
 */
@Component
@Order(20)
class CustomerDemoData implements DemoData {

	static final String DEMO_PHONE = "13800138000";
	static final String DEMO_PLATE = "京A12345";
	static final String DEMO_VIN = "LSVAM4187P2123456";

	private static final Logger log = LoggerFactory.getLogger(CustomerDemoData.class);
	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤";
	private static final String[] GIVEN = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
			"娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "建国", "志强", "海燕", "晓东", "文博", "子轩", "思远",
			"雨桐", "浩然", "欣怡", "宇航", "佳琪", "梓涵", "俊杰", "婷婷", "国庆" };
	private static final String[] COMPANIES = { "北京顺达物流有限公司", "上海申通汽车租赁有限公司", "广州南粤出租汽车公司",
			"成都天府城市配送有限公司", "杭州西湖旅游客运有限公司", "武汉江城市政工程有限公司", "南京金陵安保服务有限公司",
			"深圳鹏程网约车服务有限公司" };
	private static final String[] OCCUPATIONS = { "教师", "医生", "工程师", "公务员", "个体经营", "销售", "司机", "会计", "律师",
			"程序员", "退休", "自由职业" };
	private static final String[] CITIES = { "北京市朝阳区", "北京市海淀区", "上海市浦东新区", "广州市天河区", "深圳市南山区",
			"成都市武侯区", "杭州市西湖区", "武汉市洪山区", "南京市鼓楼区", "天津市河西区" };
	private static final String[] MODELS = { "KCM S5", "KCM S7", "KCM X3", "KCM X5", "KCM X5 PHEV", "KCM E6 纯电" };
	private static final String[] INSURANCE = { "交强险+商业险", "交强险", "交强险+商业险（含不计免赔）" };
	private static final String[] SOURCES = { "购车登记", "400热线", "经销商推荐", "官网", "车展" };
	private static final String[] PHONE_PREFIXES = { "130", "131", "132", "135", "136", "137", "139", "150", "151", "152",
			"158", "159", "176", "177", "180", "186", "187", "188", "189", "199" };
	private static final String[] AREAS = { "110105", "110108", "310115", "440106", "440305", "510107", "330106", "420111",
			"320106", "120103" };
	private static final String PROVINCES = "京沪粤川浙鄂苏津";
	private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
	private static final String PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private final CustomerRepository customers;
	private final VehicleRepository vehicles;
	private final DealerCatalog dealers;
	private final PersonalData personal;
	private final Clock clock;

	CustomerDemoData(CustomerRepository customers, VehicleRepository vehicles, DealerCatalog dealers,
			PersonalData personal, Clock clock) {
		this.customers = customers;
		this.vehicles = vehicles;
		this.dealers = dealers;
		this.personal = personal;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void loadDemo() {
		if (customers.count() > 0) {
			return;
		}
		List<DealerSummary> network = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			dealers.byCode(String.format("D%04d", i)).ifPresent(network::add);
		}
		if (network.isEmpty()) {
			log.info("Customer demo data skipped: dealers D0001..D0020 not found");
			return;
		}
		Random random = new Random(20261127L);
		Instant now = clock.instant();
		Set<String> phones = new HashSet<>(Set.of(DEMO_PHONE));
		Set<String> vins = new HashSet<>(Set.of(DEMO_VIN));
		Set<String> plates = new HashSet<>(Set.of(DEMO_PLATE));

		List<Customer> list = new ArrayList<>();
		Customer demo = new Customer("陈志明", CustomerKind.INDIVIDUAL, now);
		demo.phones(personal.seal(new MobilePhone(DEMO_PHONE)), PersonalData.Sealed.NONE);
		demo.idNumber(personal.seal(new IdCardNumber(idNumber(random, "110105", 1978))));
		demo.describe(CustomerKind.INDIVIDUAL, "工程师", LocalDate.of(1978, 6, 18), "北京市朝阳区建国路 88 号", true, "购车登记");
		demo.classify(CustomerClass.B, "两台车，年度评级");
		list.add(demo);

		List<String> duplicatePhones = new ArrayList<>();
		for (int i = 1; i < 200; i++) {
			boolean organisation = i % 25 == 0;
			String name = organisation ? COMPANIES[(i / 25) % COMPANIES.length]
					: SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN[random.nextInt(GIVEN.length)];
			Customer c = new Customer(name, organisation ? CustomerKind.ORGANIZATION : CustomerKind.INDIVIDUAL, now);
			String phone;
			if (i % 40 == 7 && !duplicatePhones.isEmpty()) {
				phone = duplicatePhones.remove(0); // a duplicate pair: the same person registered twice
			} else {
				phone = unique(phones, () -> PHONE_PREFIXES[random.nextInt(PHONE_PREFIXES.length)]
						+ String.format("%08d", random.nextInt(100_000_000)));
				if (i % 40 == 3) {
					duplicatePhones.add(phone);
				}
			}
			c.phones(personal.seal(new MobilePhone(phone)), random.nextInt(10) == 0
					? personal.seal(new MobilePhone(unique(phones, () -> "139" + String.format("%08d", random.nextInt(100_000_000)))))
					: PersonalData.Sealed.NONE);
			int year = 1960 + random.nextInt(42);
			if (!organisation && random.nextInt(3) > 0) {
				c.idNumber(personal.seal(new IdCardNumber(idNumber(random, AREAS[random.nextInt(AREAS.length)], year))));
			}
			c.describe(c.getKind(), organisation ? null : OCCUPATIONS[random.nextInt(OCCUPATIONS.length)],
					organisation ? null : LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)),
					CITIES[random.nextInt(CITIES.length)] + (1 + random.nextInt(300)) + " 号", random.nextInt(3) > 0,
					SOURCES[random.nextInt(SOURCES.length)]);
			int r = random.nextInt(20);
			if (organisation || r < 2) {
				c.classify(CustomerClass.A, organisation ? "车队客户" : "年度评级：高价值");
			} else if (r < 6) {
				c.classify(CustomerClass.B, "年度评级");
			} else if (r < 11) {
				c.classify(CustomerClass.C, "年度评级");
			}
			if (organisation || i % 31 == 0) {
				c.keyAccount(true, null, "孙磊");
			}
			list.add(c);
		}
		customers.saveAll(list);

		List<Vehicle> cars = new ArrayList<>();
		Vehicle first = new Vehicle(new Vin(DEMO_VIN), demo.getId(), now);
		first.describe(new PlateNumber(DEMO_PLATE), "KCM S7", LocalDate.of(2023, 4, 15), dealer(network, "D0001").id(),
				null, INSURANCE[0], now);
		cars.add(first);
		Vehicle second = new Vehicle(new Vin(unique(vins, () -> vin(random, 'R'))), demo.getId(), now);
		second.describe(new PlateNumber(unique(plates, () -> plate(random))), "KCM X5 PHEV", LocalDate.of(2024, 9, 1),
				dealer(network, "D0001").id(), null, INSURANCE[1], now);
		cars.add(second);
		for (Customer c : list.subList(1, list.size())) {
			int count = c.getKind() == CustomerKind.ORGANIZATION ? 3 : 1 + (random.nextInt(4) == 0 ? 1 : 0);
			for (int k = 0; k < count; k++) {
				LocalDate bought = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(2800));
				Vehicle v = new Vehicle(new Vin(unique(vins, () -> vin(random, yearCode(bought.getYear())))), c.getId(), now);
				v.describe(new PlateNumber(unique(plates, () -> plate(random))), MODELS[random.nextInt(MODELS.length)],
						bought, network.get(random.nextInt(network.size())).id(),
						random.nextInt(15) == 0 ? "加装行车记录仪、更换轮毂" : null, INSURANCE[random.nextInt(INSURANCE.length)], now);
				cars.add(v);
			}
		}
		vehicles.saveAll(cars);
		log.info("Demo data: {} customers, {} vehicles (lookup 13800138000 / 京A12345 / 123456)", list.size(), cars.size());
	}

	private static DealerSummary dealer(List<DealerSummary> network, String code) {
		return network.stream().filter(d -> d.code().equals(code)).findFirst().orElse(network.get(0));
	}

	private static String unique(Set<String> used, java.util.function.Supplier<String> next) {
		String s = next.get();
		while (!used.add(s)) {
			s = next.get();
		}
		return s;
	}

	static String idNumber(Random random, String area, int year) {
		String first17 = area + year + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))
				+ String.format("%03d", random.nextInt(1000));
		return first17 + IdCardNumber.checkDigit(first17);
	}

	/** WMI LSV, five VDS characters, a check position, model year, plant, a six-digit serial (never 123456). */
	private static String vin(Random random, char year) {
		StringBuilder sb = new StringBuilder("LSV");
		for (int i = 0; i < 6; i++) {
			sb.append(VIN_CHARS.charAt(random.nextInt(VIN_CHARS.length())));
		}
		sb.append(year).append((char) ('1' + random.nextInt(5)));
		int serial = random.nextInt(1_000_000);
		sb.append(String.format("%06d", serial == 123456 ? 654321 : serial));
		return sb.toString();
	}

	private static char yearCode(int year) {
		return "JKLMNPRST".charAt(Math.max(0, Math.min(8, year - 2018)));
	}

	private static String plate(Random random) {
		char province = PROVINCES.charAt(random.nextInt(PROVINCES.length()));
		char office = PLATE_LETTERS.charAt(random.nextInt(PLATE_LETTERS.length()));
		if (random.nextInt(6) == 0) {
			return "" + province + office + (random.nextBoolean() ? 'D' : 'F') + String.format("%05d", random.nextInt(100_000));
		}
		StringBuilder sb = new StringBuilder().append(province).append(office);
		for (int i = 0; i < 5; i++) {
			sb.append(i < 2 && random.nextInt(3) == 0 ? PLATE_LETTERS.charAt(random.nextInt(PLATE_LETTERS.length()))
					: (char) ('0' + random.nextInt(10)));
		}
		return sb.toString();
	}
}
