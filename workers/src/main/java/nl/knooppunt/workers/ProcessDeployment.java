package nl.knooppunt.workers;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;

/**
 * The workers deploy the process models and decision tables at start. An unchanged model keeps its
 * version, so every replica may deploy; a changed model becomes a new version and running instances
 * stay on theirs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    name = "knooppunt.workers.deploy-processes",
    havingValue = "true",
    matchIfMissing = true)
@Deployment(resources = {"classpath*:bpmn/*.bpmn", "classpath*:dmn/*.dmn"})
class ProcessDeployment {}
