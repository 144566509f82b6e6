/** One OpenAPI document of the whole API, assembled from the services' own, and Swagger UI over it at /docs. */
package io.tally.gateway.docs;
