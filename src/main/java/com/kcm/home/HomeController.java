package com.kcm.home;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.kcm.shared.web.HomeTile;
import com.kcm.shared.web.HomeTiles;

@Controller
class HomeController {

	private final List<HomeTiles> contributors;

	HomeController(List<HomeTiles> contributors) {
		this.contributors = contributors;
	}

	@GetMapping("/")
	String home(Authentication auth, Model model) {
		model.addAttribute("tiles", contributors.stream().flatMap(c -> c.tiles(auth).stream())
				.sorted(Comparator.comparingInt(HomeTile::order)).toList());
		return "home/home";
	}
}
