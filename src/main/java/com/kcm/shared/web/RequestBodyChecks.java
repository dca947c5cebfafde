package com.kcm.shared.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC §11, bad input never breaks a request: refuses a malformed request body before any controller (or
 * database) sees it, in the error format of Appendix A.
 * <ul>
 * <li>a body over 1 MB (multipart uploads aside, they have their own limits) → 413, on every path;</li>
 * <li>on the API ({@code /api/}): a body whose content type is not JSON → 415; bytes that are not UTF-8, JSON
 * that cannot be read, or a body that is neither an object nor an array ({@code null}, a string, a number) →
 * 400; a string holding a control character other than tab and line breaks → 422 naming the field (with the
 * item's {@code index} when the body is a list).</li>
 * </ul>
 * The body read here is handed on to the controller unchanged. Form fields and query parameters are checked
 * for control characters by {@link ControlCharacters}.
 */
public class RequestBodyChecks extends OncePerRequestFilter {

	/** The largest body accepted (uploads aside). */
	public static final int MAX_BODY = 1024 * 1024;

	/**
	 * Request attribute: the body read as a JSON tree, when it is an object of at most {@link #TREE_MAX} bytes
	 * (a controller that reads the tree itself takes it from here: the body is parsed once per request).
	 */
	public static final String JSON_TREE = RequestBodyChecks.class.getName() + ".tree";

	/** Bodies up to this size that are objects are checked on their tree (kept for the controller). */
	static final int TREE_MAX = 64 * 1024;

	private static final JsonFactory PARSERS = JsonFactory.builder()
			.enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).build();

	private final MessageSource messages;
	private final LocaleResolver locales;
	private final JsonMapper json = JsonMapper.builder().build();
	private static final JsonMapper TREES = JsonMapper.builder(PARSERS).build();

	RequestBodyChecks(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
		long length = request.getContentLengthLong();
		boolean body = length > 0 || request.getHeader("Transfer-Encoding") != null;
		if (!body || type.startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		if (length > MAX_BODY) {
			refuse(request, response, api, HttpStatus.CONTENT_TOO_LARGE, null, null, "error.body.tooLarge");
			return;
		}
		if (!api) {
			chain.doFilter(request, response);
			return;
		}
		if (!isJson(type)) {
			refuse(request, response, true, HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, null, "error.body.notJson");
			return;
		}
		byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (bytes.length > MAX_BODY) {
			refuse(request, response, true, HttpStatus.CONTENT_TOO_LARGE, null, null, "error.body.tooLarge");
			return;
		}
		if (bytes.length > 0) {
			Problem problem = null;
			JsonNode tree = bytes.length <= TREE_MAX && bytes[0] == '{' ? tree(bytes) : null;
			if (tree != null) {
				problem = checkTree(tree);
				request.setAttribute(JSON_TREE, tree);
			} else {
				problem = check(bytes);
			}
			if (problem != null) {
				refuse(request, response, true, problem.status(), problem.field(), problem.index(), problem.code());
				return;
			}
		}
		chain.doFilter(new ReadBody(request, bytes), response);
	}

	record Problem(HttpStatus status, String field, Integer index, String code) {
	}

	/** The first problem of a JSON body, or null when it is well-formed UTF-8 JSON without control characters. */
	static Problem check(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
		} catch (CharacterCodingException e) {
			return new Problem(HttpStatus.BAD_REQUEST, null, null, "error.body.encoding");
		}
		try (JsonParser p = PARSERS.createParser(ObjectReadContext.empty(), bytes)) {
			JsonToken first = p.nextToken();
			if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
				return new Problem(HttpStatus.BAD_REQUEST, null, null, "error.body.notObject");
			}
			for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
				if (t == JsonToken.VALUE_STRING && hasControlCharacter(p.getString())) {
					return located(p.streamReadContext());
				}
				if (t == JsonToken.PROPERTY_NAME && hasControlCharacter(p.currentName())) {
					return new Problem(HttpStatus.BAD_REQUEST, null, null, "error.body.unreadable");
				}
			}
			return null;
		} catch (JacksonException e) {
			return new Problem(HttpStatus.BAD_REQUEST, null, null, "error.body.unreadable");
		}
	}

	/** A small object body as a tree, or null when it is not well-formed UTF-8 JSON (then {@link #check} tells why). */
	static JsonNode tree(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
			JsonNode tree = TREES.readTree(bytes);
			return tree != null && tree.isObject() ? tree : null;
		} catch (CharacterCodingException | JacksonException e) {
			return null;
		}
	}

	/** {@link #check} on a body already read as a tree: the first string or name holding a control character. */
	static Problem checkTree(JsonNode node) {
		String at = controlCharacterAt(node, "");
		if (at == null) {
			return null;
		}
		if (at == IN_A_NAME) {
			return new Problem(HttpStatus.BAD_REQUEST, null, null, "error.body.unreadable");
		}
		return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, at.isEmpty() ? null : at, null,
				"error.text.controlCharacter");
	}

	/** Marks a control character found in a property name (compared by identity). */
	@SuppressWarnings("StringOperationCanBeSimplified")
	private static final String IN_A_NAME = new String("name");

	/** The path of the first string value holding a control character ({@link #IN_A_NAME} in a name), or null. */
	private static String controlCharacterAt(JsonNode node, String path) {
		if (node.isString()) {
			return hasControlCharacter(node.stringValue()) ? path : null;
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String found = controlCharacterAt(node.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		} else if (node.isObject()) {
			for (var e : node.properties()) {
				if (hasControlCharacter(e.getKey())) {
					return IN_A_NAME;
				}
				String found = controlCharacterAt(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** Tab, line feed and carriage return are text; every other control character (C0, DEL, C1) is not. */
	public static boolean hasControlCharacter(String s) {
		if (s == null) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
				return true;
			}
		}
		return false;
	}

	/** The field of the current value: {@code customer.name}, {@code parts[1]}; a list body's item as index. */
	private static Problem located(TokenStreamContext context) {
		Deque<TokenStreamContext> chain = new ArrayDeque<>();
		for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
			chain.push(c);
		}
		Integer index = null;
		StringBuilder field = new StringBuilder();
		boolean top = true;
		for (TokenStreamContext c : chain) {
			if (c.inArray()) {
				if (top) {
					index = c.getCurrentIndex();
				} else {
					field.append('[').append(c.getCurrentIndex()).append(']');
				}
			} else if (c.currentName() != null) {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(c.currentName());
			}
			top = false;
		}
		return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, field.isEmpty() ? null : field.toString(), index,
				"error.text.controlCharacter");
	}

	private static boolean isJson(String type) {
		int semicolon = type.indexOf(';');
		String mime = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
		return mime.equals("application/json") || mime.endsWith("+json");
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, boolean api, HttpStatus status,
			String field, Integer index, String code) throws IOException {
		String text = messages.getMessage(code, null, code, locales.resolveLocale(request));
		response.setStatus(status.value());
		response.setHeader("Connection", "close"); // the rest of an oversized body is not read
		if (api) {
			response.setContentType("application/json;charset=UTF-8");
			response.getOutputStream().write(json.writeValueAsBytes(
					new ApiErrors.Errors(List.of(ApiErrors.error(field, index, text)))));
		} else {
			response.setContentType("text/plain;charset=UTF-8");
			response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
		}
	}

	/** The request with the body already read. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					try {
						return in.available() == 0;
					} catch (IOException e) {
						return true;
					}
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					// the whole body is already in memory: it is available at once, and then read to its end
					try {
						listener.onDataAvailable();
						listener.onAllDataRead();
					} catch (IOException e) {
						listener.onError(e);
					}
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
					encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}
