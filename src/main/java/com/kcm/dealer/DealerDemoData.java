package com.kcm.dealer;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.shared.demo.DemoData;

/**
 * Demo network ({@code kcm.demo=true}, only into a database without regions): five regions and twenty
 * dealers with some history. D0001 (4S, 华北 N) and D0002 (华东 E) are active: other modules' demo data and
 * browser tests rely on them.
 */
@Component
@Order(10)
class DealerDemoData implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(DealerDemoData.class);

	record Demo(String code, String name, String type, String region, String status, String acceptedOn, int star) {
	}

	static final List<RegionCommand> REGIONS = List.of(new RegionCommand("N", "华北大区"),
			new RegionCommand("E", "华东大区"), new RegionCommand("S", "华南大区"), new RegionCommand("W", "西部大区"),
			new RegionCommand("C", "华中大区"));

	static final List<Demo> DEALERS = List.of(
			new Demo("D0001", "北京中联汽车销售服务有限公司", "4S", "N", "ACTIVE", "2019-04-18", 5),
			new Demo("D0002", "上海浦东汽车销售服务有限公司", "4S", "E", "ACTIVE", "2019-06-03", 4),
			new Demo("D0003", "天津港瑞汽车销售服务有限公司", "4S", "N", "ACTIVE", "2020-03-12", 3),
			new Demo("D0004", "杭州西湖汽车销售服务有限公司", "4S", "E", "ACTIVE", "2019-09-20", 4),
			new Demo("D0005", "广州白云汽车销售服务有限公司", "4S", "S", "ACTIVE", "2019-11-08", 5),
			new Demo("D0006", "成都锦城汽车销售服务有限公司", "4S", "W", "ACTIVE", "2020-05-26", 3),
			new Demo("D0007", "武汉江城汽车销售服务有限公司", "4S", "C", "ACTIVE", "2020-08-14", 3),
			new Demo("D0008", "石家庄冀通汽车服务有限公司", "3S", "N", "ACTIVE", "2021-02-22", 2),
			new Demo("D0009", "南京金陵汽车销售服务有限公司", "4S", "E", "ACTIVE", "2021-04-09", 4),
			new Demo("D0010", "深圳鹏程汽车销售服务有限公司", "4S", "S", "ACTIVE", "2021-06-30", 4),
			new Demo("D0011", "重庆山城汽车服务有限公司", "3S", "W", "TRANSITIONAL", "2025-08-01", 0),
			new Demo("D0012", "长沙湘江汽车销售服务有限公司", "4S", "C", "ACTIVE", "2021-10-15", 3),
			new Demo("D0013", "太原晋安汽车服务有限公司", "3S", "N", "ACTIVE", "2022-03-03", 2),
			new Demo("D0014", "苏州吴中汽车服务有限公司", "3S", "E", "ACTIVE", "2022-05-19", 2),
			new Demo("D0015", "福州闽江汽车服务有限公司", "3S", "S", "ACTIVE", "2022-07-07", 1),
			new Demo("D0016", "西安长安汽车销售服务有限公司", "4S", "W", "ACTIVE", "2022-09-01", 3),
			new Demo("D0017", "郑州中原汽车销售服务有限公司", "4S", "C", "ACTIVE", "2023-01-10", 3),
			new Demo("D0018", "南宁邕江汽车服务有限公司", "3S", "S", "ACTIVE", "2023-06-16", 1),
			new Demo("D0019", "昆明春城汽车服务有限公司", "3S", "W", "ACTIVE", "2023-11-28", 2),
			new Demo("D0020", "南昌洪都汽车服务有限公司", "3S", "C", "ACTIVE", "2024-04-22", 0));

	/** Area codes of the dealers' cities, in the order of {@link #DEALERS}. */
	private static final List<String> AREA_CODES = List.of("010", "021", "022", "0571", "020", "028", "027", "0311",
			"025", "0755", "023", "0731", "0351", "0512", "0591", "029", "0371", "0771", "0871", "0791");

	private final DealerNetwork network;
	private final RegionRepository regions;
	private final TransactionTemplate tx;

	DealerDemoData(DealerNetwork network, RegionRepository regions, TransactionTemplate tx) {
		this.network = network;
		this.regions = regions;
		this.tx = tx;
	}

	@Override
	public void loadDemo() {
		if (regions.count() > 0) {
			return;
		}
		tx.executeWithoutResult(s -> load());
		log.info("Demo dealer network: {} regions, {} dealers", REGIONS.size(), DEALERS.size());
	}

	void load() {
		REGIONS.forEach(network::createRegion);
		for (int i = 0; i < DEALERS.size(); i++) {
			Demo d = DEALERS.get(i);
			network.createDealer(new DealerCommand(d.code(), d.name(), d.type(), d.region(), d.status(), d.acceptedOn(),
					d.star(), AREA_CODES.get(i) + "-8888" + String.format("%04d", i + 1),
					"service." + d.code().toLowerCase() + "@dealer.example.cn"));
		}
		// a suspension that ended, a suspension in force, a terminated dealer, rising and falling stars
		network.changeStatus("D0007", new StatusChange("SUSPENDED", "2024-07-01", "服务质量整改"));
		network.changeStatus("D0007", new StatusChange("ACTIVE", "2024-08-15", "整改验收通过"));
		network.changeStatus("D0014", new StatusChange("SUSPENDED", "2025-09-01", "重大抱怨处理不力，暂停服务"));
		network.changeStatus("D0019", new StatusChange("TRANSITIONAL", "2025-03-01", "投资人变更"));
		network.changeStatus("D0019", new StatusChange("TERMINATED", "2025-10-01", "撤站"));
		network.changeStar("D0003", new StarChange(4, "2024-01-01", "年度星级评定"));
		network.changeStar("D0008", new StarChange(1, "2024-01-01", "年度星级评定"));
		network.changeStar("D0010", new StarChange(5, "2025-01-01", "年度星级评定"));
	}
}
