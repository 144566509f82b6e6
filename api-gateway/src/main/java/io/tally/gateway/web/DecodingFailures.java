package io.tally.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A request the HTTP decoder cannot take (a request line over the limit: 414; headers over it:
 * 431; a malformed request line or header: 400) is answered with a problem, the security headers
 * and a correlation id, like every other refusal, where Reactor Netty alone answers with an empty
 * body; the connection then closes, as the rest of what the client sent cannot be trusted.
 */
@Component
class DecodingFailures implements NettyServerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(DecodingFailures.class);
    private static final String HANDLER = "tally.decodingFailures";

    private final ObjectMapper objectMapper;

    DecodingFailures(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new Answer());
            }
        });
    }

    /** One per connection: after a failure it answers once, drops whatever else was read, and closes. */
    private final class Answer extends ChannelInboundHandlerAdapter {

        private boolean failed;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (failed) {
                ReferenceCountUtil.release(message);
                return;
            }
            if (message instanceof HttpObject http && http.decoderResult().isFailure()) {
                failed = true;
                Throwable cause = http.decoderResult().cause();
                ReferenceCountUtil.release(message);
                HttpStatus status = statusOf(cause);
                log.info("Refused an undecodable request from {} with {}: {}", context.channel().remoteAddress(),
                        status.value(), cause.toString());
                context.writeAndFlush(answer(status)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            context.fireChannelRead(message);
        }

        private FullHttpResponse answer(HttpStatus status) {
            String correlationId = Correlation.resolve(null, null).correlationId();
            byte[] body;
            try {
                body = objectMapper.writeValueAsBytes(ProblemResponses.problem(status, codeOf(status), detailOf(status), null));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(status.value()), Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(Correlation.CORRELATION_HEADER, correlationId);
            SecurityHeaders.ALL.forEach(response.headers()::set);
            return response;
        }
    }

    static HttpStatus statusOf(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return HttpStatus.URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (cause instanceof TooLongFrameException) {
            return HttpStatus.PAYLOAD_TOO_LARGE;
        }
        return HttpStatus.BAD_REQUEST;
    }

    private static String codeOf(HttpStatus status) {
        return switch (status) {
            case URI_TOO_LONG -> "uri_too_long";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "headers_too_large";
            case PAYLOAD_TOO_LARGE -> "payload_too_large";
            default -> "malformed_request";
        };
    }

    private static String detailOf(HttpStatus status) {
        return switch (status) {
            case URI_TOO_LONG -> "The request line is longer than the server takes.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are larger than the server takes.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            default -> "The request is not well-formed HTTP.";
        };
    }
}
