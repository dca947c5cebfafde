package com.kcm.shared.web;

import java.util.List;

import org.springframework.security.core.Authentication;

/** Modules contribute figures for the home page of each role. */
public interface HomeTiles {

	List<HomeTile> tiles(Authentication user);
}
