/** The OpenAPI document generated from the controllers: who may call each operation and which problems it answers. */
package com.exqress.platform.apidoc;
