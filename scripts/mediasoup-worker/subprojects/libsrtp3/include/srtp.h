/*
 * libsrtp3 -> libsrtp2 compatibility header (MeetAI local build only).
 *
 * Why this exists: mediasoup 3.19 is written against its own libsrtp 3.0-beta
 * fork, but Debian 12 only ships libsrtp 2.5 (/usr/include/srtp2). The
 * mediasoup sources do `#include <srtp.h>`; the fake `libsrtp3` subproject puts
 * this directory first on the include path, so this file is what they get.
 * It includes the real libsrtp2 header and adds the few libsrtp3 spellings the
 * worker uses:
 *
 *   - srtp_protect / srtp_unprotect / srtp_protect_rtcp / srtp_unprotect_rtcp
 *     with separate input and output buffers and size_t lengths (libsrtp2 works
 *     in place on one buffer with an int length);
 *   - srtp_stream_remove (libsrtp2 calls it srtp_remove_stream);
 *   - the error codes srtp_err_status_buffer_small and
 *     srtp_err_status_cryptex_err, which libsrtp2 does not have.
 *
 * The libsrtp3-style functions are plain C++ overloads: their parameter lists
 * differ from the libsrtp2 C functions of the same name, so each call resolves
 * by its argument count without any macro renaming.
 *
 * Only C++ is supported (the worker is C++; nothing in it includes this from C).
 */
#ifndef MEETAI_SRTP3_COMPAT_SRTP_H
#define MEETAI_SRTP3_COMPAT_SRTP_H

#ifndef __cplusplus
#error "This libsrtp3 compatibility header is meant for the C++ mediasoup worker only"
#endif

#include <srtp2/srtp.h>

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>

/*
 * Error codes added by libsrtp3. The numeric values are our own choice: they
 * only need to be distinct from libsrtp2's codes (0..27), because the worker
 * uses them as keys of its error-string map and we are the only code that
 * returns them.
 */
inline constexpr srtp_err_status_t srtp_err_status_buffer_small =
  static_cast<srtp_err_status_t>(28);
inline constexpr srtp_err_status_t srtp_err_status_cryptex_err =
  static_cast<srtp_err_status_t>(29);

namespace meetai_srtp3_compat
{
	/* Signature shared by libsrtp2's four in-place (un)protect functions. */
	using InPlaceFn = srtp_err_status_t (*)(srtp_t, void*, int*);

	/*
	 * Protect: libsrtp2 appends the auth tag (and for RTCP the SRTCP index)
	 * after the packet in the same buffer, so copy the clear packet into the
	 * output buffer first and make sure the trailer fits there.
	 */
	inline srtp_err_status_t ProtectInto(
	  InPlaceFn fn,
	  srtp_t ctx,
	  const uint8_t* in,
	  size_t inLen,
	  uint8_t* out,
	  size_t* outLen,
	  size_t maxTrailerLen)
	{
		if (in == nullptr || out == nullptr || outLen == nullptr)
			return srtp_err_status_bad_param;

		if (inLen > static_cast<size_t>(INT_MAX) - maxTrailerLen)
			return srtp_err_status_bad_param;

		if (*outLen < inLen + maxTrailerLen)
			return srtp_err_status_buffer_small;

		if (out != in)
			std::memmove(out, in, inLen);

		int len = static_cast<int>(inLen);
		const srtp_err_status_t err = fn(ctx, out, &len);

		if (err == srtp_err_status_ok)
			*outLen = static_cast<size_t>(len);

		return err;
	}

	/* Unprotect: the result is never longer than the input. */
	inline srtp_err_status_t UnprotectInto(
	  InPlaceFn fn, srtp_t ctx, const uint8_t* in, size_t inLen, uint8_t* out, size_t* outLen)
	{
		if (in == nullptr || out == nullptr || outLen == nullptr)
			return srtp_err_status_bad_param;

		if (inLen > static_cast<size_t>(INT_MAX))
			return srtp_err_status_bad_param;

		if (*outLen < inLen)
			return srtp_err_status_buffer_small;

		if (out != in)
			std::memmove(out, in, inLen);

		int len = static_cast<int>(inLen);
		const srtp_err_status_t err = fn(ctx, out, &len);

		if (err == srtp_err_status_ok)
			*outLen = static_cast<size_t>(len);

		return err;
	}
} // namespace meetai_srtp3_compat

/*
 * libsrtp3 signatures. mki_index must be 0: the worker never configures MKIs,
 * and the plain libsrtp2 functions do not use one.
 */
inline srtp_err_status_t srtp_protect(
  srtp_t ctx, const uint8_t* rtp, size_t rtp_len, uint8_t* srtp, size_t* srtp_len, size_t mki_index)
{
	if (mki_index != 0)
		return srtp_err_status_bad_param;

	return meetai_srtp3_compat::ProtectInto(
	  &::srtp_protect, ctx, rtp, rtp_len, srtp, srtp_len, SRTP_MAX_TRAILER_LEN);
}

inline srtp_err_status_t srtp_unprotect(
  srtp_t ctx, const uint8_t* srtp, size_t srtp_len, uint8_t* rtp, size_t* rtp_len)
{
	return meetai_srtp3_compat::UnprotectInto(&::srtp_unprotect, ctx, srtp, srtp_len, rtp, rtp_len);
}

inline srtp_err_status_t srtp_protect_rtcp(
  srtp_t ctx,
  const uint8_t* rtcp,
  size_t rtcp_len,
  uint8_t* srtcp,
  size_t* srtcp_len,
  size_t mki_index)
{
	if (mki_index != 0)
		return srtp_err_status_bad_param;

	// libsrtp2 documents SRTP_MAX_TRAILER_LEN + 4 (the SRTCP index) for RTCP.
	return meetai_srtp3_compat::ProtectInto(
	  &::srtp_protect_rtcp, ctx, rtcp, rtcp_len, srtcp, srtcp_len, SRTP_MAX_TRAILER_LEN + 4);
}

inline srtp_err_status_t srtp_unprotect_rtcp(
  srtp_t ctx, const uint8_t* srtcp, size_t srtcp_len, uint8_t* rtcp, size_t* rtcp_len)
{
	return meetai_srtp3_compat::UnprotectInto(
	  &::srtp_unprotect_rtcp, ctx, srtcp, srtcp_len, rtcp, rtcp_len);
}

/* Same meaning as libsrtp2's srtp_remove_stream (ssrc in network byte order). */
inline srtp_err_status_t srtp_stream_remove(srtp_t session, uint32_t ssrc)
{
	return srtp_remove_stream(session, ssrc);
}

#endif /* MEETAI_SRTP3_COMPAT_SRTP_H */
