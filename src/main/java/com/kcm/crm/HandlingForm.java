package com.kcm.crm;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.complaint.ComplaintScreens;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.pdf.PdfDocument;

/**
 * The printable complaint handling form (客户投诉处理表, SPEC §7.9) as a PDF with the embedded CJK font: facts,
 * customer (masked), vehicle, timeline, replies, callbacks, goodwill, result and a signature block. In Chinese,
 * like the other printed forms. Built from the complaint module's screen of the complaint (so the caller must
 * be allowed to see it: 404 and audited otherwise).
 */
@Component
class HandlingForm {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TimeConfig.BUSINESS_ZONE);
	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private final ComplaintScreens screens;
	private final GoodwillRepository goodwill;
	private final MessageSource messages;

	HandlingForm(ComplaintScreens screens, GoodwillRepository goodwill, MessageSource messages) {
		this.screens = screens;
		this.goodwill = goodwill;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	byte[] pdf(long complaintId) {
		ComplaintScreens.Detail d = screens.detail(complaintId);
		List<Goodwill> concessions = goodwill.findByComplaintIdOrderByProposedAtAscIdAsc(complaintId);
		return PdfDocument.bytes("客户投诉处理表 #" + d.id(), b -> {
			b.heading("客户投诉处理表");
			b.paragraph("编号 #" + d.id() + (d.externalId() == null ? "" : "（外部编号 " + d.externalId() + "）") + "　登记时间 "
					+ time(d.registeredAt()) + "　登记人 " + d.registeredBy());
			b.subheading("一、投诉事实");
			b.field("类型", text("cweb.kind." + d.kind(), d.kind()));
			b.field("渠道", text("cweb.channel." + d.channel(), d.channel()));
			b.field("分类", d.category() == null ? null : text("cweb.category." + d.category(), d.category()));
			b.field("状态", text("cweb.status." + d.status(), d.status()));
			b.field("描述", d.description());
			b.subheading("二、客户信息");
			b.field("客户姓名", d.customerName());
			b.field("联系电话", d.customerPhone());
			b.field("身份证号", d.customerIdNumber());
			b.subheading("三、车辆信息");
			b.field("VIN", d.vehicle() == null ? null : d.vehicle().vin());
			b.field("车牌", d.vehicle() == null ? null : d.vehicle().plate());
			b.field("车型", d.vehicle() == null ? null : d.vehicle().model());
			b.field("责任服务商", d.responsibleDealer());
			b.field("处理服务商", d.handlingDealer());
			b.subheading("四、处理过程");
			List<List<?>> events = new ArrayList<>();
			for (ComplaintScreens.EventLine e : d.events()) {
				events.add(List.of(time(e.at()), text("cweb.event." + e.type(), e.type()), e.actor() == null ? "" : e.actor(),
						e.detail() == null ? "" : e.detail()));
			}
			b.table(List.of("时间", "事项", "操作人", "说明"), events, 2.2f, 1.6f, 1.4f, 4.8f);
			b.subheading("五、服务商回复");
			List<List<?>> replies = new ArrayList<>();
			for (ComplaintScreens.WorkOrderView w : d.workOrders()) {
				for (ComplaintScreens.ReplyLine r : w.replies()) {
					replies.add(List.of(time(r.at()), w.dealer() == null ? "" : w.dealer(), r.finalResult() ? "最终" : "过程",
							r.text() == null ? "" : r.text()));
				}
			}
			b.table(List.of("时间", "服务商", "类型", "内容"), replies, 2.2f, 2f, 1f, 4.8f);
			b.subheading("六、回访记录");
			List<List<?>> callbacks = new ArrayList<>();
			for (ComplaintScreens.CallbackLine c : d.callbacks()) {
				callbacks.add(List.of(time(c.at()), c.reached() ? "已接通" : "未接通", yesNo(c.resolved()), yesNo(c.satisfied()),
						c.notes() == null ? "" : c.notes()));
			}
			b.table(List.of("时间", "接通", "已解决", "满意", "备注"), callbacks, 2.2f, 1f, 1f, 1f, 4.8f);
			b.subheading("七、让步服务");
			List<List<?>> gw = new ArrayList<>();
			for (Goodwill g : concessions) {
				gw.add(List.of(g.getWhat(), g.getAmount(), text("crm.goodwill.status." + g.getStatus(), g.getStatus()),
						g.getDecidedBy() == null ? "" : g.getDecidedBy()));
			}
			b.table(List.of("内容", "金额（元）", "状态", "批准人"), gw, 4f, 1.5f, 1.2f, 1.5f);
			b.subheading("八、处理结果");
			b.field("结案时间", d.closedAt() == null ? null : time(d.closedAt()));
			b.field("强制结案原因", d.forcedClosureReason());
			b.subheading("九、签字");
			b.paragraph("客户签字：____________　　服务商负责人签字：____________　　客户服务部签字：____________");
			b.paragraph("日期：____年____月____日");
		});
	}

	private String text(String code, Object fallback) {
		return messages.getMessage(code, null, String.valueOf(fallback), ZH);
	}

	private static String time(Instant at) {
		return at == null ? "" : TIME.format(at);
	}

	private static String yesNo(Boolean b) {
		return b == null ? "—" : b ? "是" : "否";
	}
}
