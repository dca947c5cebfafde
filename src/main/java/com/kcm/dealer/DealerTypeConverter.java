package com.kcm.dealer;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class DealerTypeConverter implements AttributeConverter<DealerType, String> {

	@Override
	public String convertToDatabaseColumn(DealerType type) {
		return type == null ? null : type.code();
	}

	@Override
	public DealerType convertToEntityAttribute(String code) {
		return code == null ? null : DealerType.ofCode(code);
	}
}
