/**
 * Chat messages in every shape found in the wild (OpenAI, Anthropic, OTel GenAI parts, Vercel AI SDK, LangChain,
 * OpenAI Responses) normalised into the one shape of docs/event-model.md. Shared by every importer that reads
 * chat messages: the span formats (OTLP, Langfuse, LangSmith) and the chat transcript importer. It keeps what the
 * source recorded: empty turns, and roles outside system/user/assistant/tool (as NOTE events naming that role).
 */
package dev.tracehound.importers.chatshape;
