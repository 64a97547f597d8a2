/**
 * What an OTel span means, read from its attributes in every generation of conventions seen in the wild:
 * current OTel GenAI, the deprecated per-message events, OpenLLMetry, OpenInference and the Vercel AI SDK.
 * Also used on the OTel attributes Langfuse keeps in observation metadata.
 */
package dev.tracehound.importers.otlp.genai;
