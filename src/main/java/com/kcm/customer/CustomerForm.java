package com.kcm.customer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.kcm.shared.domain.Violations;

/** The customer form's fields as typed (dates as text so a wrong one is named, not a 400). */
class CustomerForm {

	private String name;
	private String phone;
	private String phone2;
	private String idNumber;
	private String kind = CustomerKind.INDIVIDUAL.name();
	private String customerClass;
	private String classReason;
	private boolean keyAccount;
	private String accountManagerName;
	private String occupation;
	private String birthday;
	private String address;
	private boolean marketingConsent;
	private String source;

	static CustomerForm of(CustomerView c) {
		CustomerForm f = new CustomerForm();
		f.name = c.name();
		f.phone = c.phone();
		f.phone2 = c.phone2();
		f.idNumber = c.idNumber();
		f.kind = c.kind().name();
		f.customerClass = c.customerClass() == null ? null : c.customerClass().name();
		f.classReason = c.classReason();
		f.keyAccount = c.keyAccount();
		f.accountManagerName = c.accountManagerName();
		f.occupation = c.occupation();
		f.birthday = c.birthday() == null ? null : c.birthday().toString();
		f.address = c.address();
		f.marketingConsent = c.marketingConsent();
		f.source = c.source();
		return f;
	}

	/** The command, or the date violation when the birthday is not a date. */
	CustomerCommand command(Violations v) {
		return new CustomerCommand(name, phone, phone2, idNumber, kind, customerClass, classReason, keyAccount, null,
				accountManagerName, occupation, date(birthday, "birthday", v), address, marketingConsent, source);
	}

	static LocalDate date(String text, String field, Violations v) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip().replace('/', '-'));
		} catch (DateTimeParseException e) {
			v.field(field, "customer.date.invalid");
			return null;
		}
	}

	public String getName() { return name; }
	public void setName(String v) { name = v; }
	public String getPhone() { return phone; }
	public void setPhone(String v) { phone = v; }
	public String getPhone2() { return phone2; }
	public void setPhone2(String v) { phone2 = v; }
	public String getIdNumber() { return idNumber; }
	public void setIdNumber(String v) { idNumber = v; }
	public String getKind() { return kind; }
	public void setKind(String v) { kind = v; }
	public String getCustomerClass() { return customerClass; }
	public void setCustomerClass(String v) { customerClass = v; }
	public String getClassReason() { return classReason; }
	public void setClassReason(String v) { classReason = v; }
	public boolean isKeyAccount() { return keyAccount; }
	public void setKeyAccount(boolean v) { keyAccount = v; }
	public String getAccountManagerName() { return accountManagerName; }
	public void setAccountManagerName(String v) { accountManagerName = v; }
	public String getOccupation() { return occupation; }
	public void setOccupation(String v) { occupation = v; }
	public String getBirthday() { return birthday; }
	public void setBirthday(String v) { birthday = v; }
	public String getAddress() { return address; }
	public void setAddress(String v) { address = v; }
	public boolean isMarketingConsent() { return marketingConsent; }
	public void setMarketingConsent(boolean v) { marketingConsent = v; }
	public String getSource() { return source; }
	public void setSource(String v) { source = v; }
}
