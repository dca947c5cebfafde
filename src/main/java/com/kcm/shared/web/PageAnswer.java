package com.kcm.shared.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list in an API answer: {@code {"items":[…],"page","size","total"}} (SPEC Appendix A), typed
 * by its items so the API document describes them.
 */
public record PageAnswer<T>(List<T> items, int page, int size, long total) {

	public static <T> PageAnswer<T> of(Page<T> p) {
		return new PageAnswer<>(p.getContent(), p.getNumber(), p.getSize(), p.getTotalElements());
	}

	public static <S, T> PageAnswer<T> of(Page<S> p, Function<? super S, ? extends T> item) {
		return new PageAnswer<>(p.getContent().stream().<T>map(item).toList(), p.getNumber(), p.getSize(),
				p.getTotalElements());
	}
}
