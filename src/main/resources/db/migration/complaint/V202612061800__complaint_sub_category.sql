-- The complaint classification standard (客户抱怨分类标准, SPEC §4.1): configurable sub-categories per
-- category, set at dispatch and correctable later. Deactivated entries stay for the complaints that carry them.
create table complaint_sub_category (
    code        varchar(40)  not null primary key,
    category    varchar(30)  not null,
    name_zh     varchar(100) not null,
    name_en     varchar(100) not null,
    active      boolean      not null default true,
    sort_order  integer      not null default 0
);
create index ix_complaint_sub_category_category on complaint_sub_category (category, sort_order, code);

alter table complaint add column sub_category varchar(40);
-- The quality analysis reads one sub-category's complaints of a month (drill-down of a trend bar).
create index ix_complaint_sub_category_dispatched on complaint (sub_category, first_dispatched_at);

insert into complaint_sub_category (code, category, name_zh, name_en, active, sort_order) values
('PQ_ENGINE', 'PRODUCT_QUALITY', '发动机', 'Engine', true, 10),
('PQ_TRANSMISSION', 'PRODUCT_QUALITY', '变速器', 'Transmission', true, 20),
('PQ_ELECTRICAL', 'PRODUCT_QUALITY', '电气/电子', 'Electrical / electronics', true, 30),
('PQ_BODY_PAINT', 'PRODUCT_QUALITY', '车身/漆面', 'Body / paint', true, 40),
('PQ_NOISE', 'PRODUCT_QUALITY', '异响', 'Noise / rattle', true, 50),
('PQ_AIR_CONDITIONING', 'PRODUCT_QUALITY', '空调', 'Air conditioning', true, 60),
('PQ_CHASSIS', 'PRODUCT_QUALITY', '底盘/悬架/转向', 'Chassis / suspension / steering', true, 70),
('PQ_BRAKES', 'PRODUCT_QUALITY', '制动', 'Brakes', true, 80),
('PQ_WATER_LEAK', 'PRODUCT_QUALITY', '漏水/密封', 'Water leak / sealing', true, 90),
('PQ_INTERIOR', 'PRODUCT_QUALITY', '内饰/座椅', 'Interior / seats', true, 100),
('PQ_INFOTAINMENT', 'PRODUCT_QUALITY', '车机/导航', 'Infotainment / navigation', true, 110),
('PQ_BATTERY', 'PRODUCT_QUALITY', '动力电池/充电', 'Traction battery / charging', true, 120),
('TC_DIAGNOSIS', 'TECHNICAL_CAPABILITY', '故障诊断不准', 'Wrong diagnosis', true, 10),
('TC_REPEAT_REPAIR', 'TECHNICAL_CAPABILITY', '多次维修未修复', 'Repeat repair not fixed', true, 20),
('TC_WORKMANSHIP', 'TECHNICAL_CAPABILITY', '维修质量差', 'Poor workmanship', true, 30),
('SP_ATTITUDE', 'SERVICE_PROCESS', '服务态度', 'Staff attitude', true, 10),
('SP_REPAIR_TIME', 'SERVICE_PROCESS', '维修时间', 'Repair time', true, 20),
('SP_CHARGES', 'SERVICE_PROCESS', '收费', 'Charges', true, 30),
('SP_APPOINTMENT', 'SERVICE_PROCESS', '预约/接待', 'Appointment / reception', true, 40),
('SP_COMMITMENT', 'SERVICE_PROCESS', '承诺未兑现', 'Promise not kept', true, 50),
('SP_SALES', 'SERVICE_PROCESS', '销售/交车', 'Sales / delivery', true, 60),
('PS_SHORTAGE', 'PARTS_SUPPLY', '配件缺货', 'Part out of stock', true, 10),
('PS_DELIVERY_TIME', 'PARTS_SUPPLY', '配件到货慢', 'Part delivery slow', true, 20),
('PS_PRICE', 'PARTS_SUPPLY', '配件价格', 'Part price', true, 30),
('OT_POLICY', 'OTHER', '政策/补偿诉求', 'Policy / compensation request', true, 10),
('OT_OTHER', 'OTHER', '其他', 'Other', true, 20);
